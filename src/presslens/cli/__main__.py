"""`python -m presslens.cli`: the same as the `presslens` command."""

from presslens.cli import main

main()
