"""Analyses on top of the domain: quality versus size, evaluation, titles on ROME / O*NET,
network analyses of an export."""
