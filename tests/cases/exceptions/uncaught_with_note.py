e = RuntimeError("with notes")
e.add_note("note one")
e.add_note("note two\nmultiline")
raise e
