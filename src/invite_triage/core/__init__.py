"""Shared by every layer: errors, atomic file writes, paths, text folding, messages."""
