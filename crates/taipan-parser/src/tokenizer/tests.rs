//! Unit tests of the tokenizer; expected values were recorded from python3.11.
