"""Entry points: the command line, the installation doctor and the JupyterLab launcher."""
