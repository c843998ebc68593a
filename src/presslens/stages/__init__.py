"""Stages: pure functions over (Article, parse) that return their own records."""
