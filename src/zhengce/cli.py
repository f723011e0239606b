"""The `zhengce` command line: a thin layer over the core."""
import typer

app = typer.Typer()
