"""Rehearse GitHub workflows on this machine before GitHub runs them (`make ci-rehearsal`)."""
