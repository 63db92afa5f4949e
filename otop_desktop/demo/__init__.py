"""Realistic synthetic registers for demonstrations, training and load tests."""

from otop_desktop.demo.generator import DemoSummary, generate

__all__ = ["DemoSummary", "generate"]
