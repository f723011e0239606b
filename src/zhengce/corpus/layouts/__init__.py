"""One parser per source layout; each turns a file's lines into raw documents."""
