"""`python -m zhengce`: the same command as `zhengce`."""

from zhengce.cli import main

main()
