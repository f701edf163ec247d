"""mkdocs-macros entry point: registers the explainer package's macros."""

from explainer.macros import define_env

__all__ = ["define_env"]
