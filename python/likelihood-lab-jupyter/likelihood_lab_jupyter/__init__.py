"""Likelihood Lab's helpers for Jupyter's Python tools on TypeScript (tslab) notebooks."""
