# compile() refuses malformed trees with CPython's messages.
import ast

L = dict(lineno=1, col_offset=0)


def name(n, ctx=None):
    return ast.Name(n, ctx or ast.Load(), **L)


def c(v):
    return ast.Constant(v, **L)


def mod(*stmts):
    return ast.Module(list(stmts), [])


def expr(e):
    return ast.Expression(e)


def t(label, tree, mode="exec"):
    try:
        compile(tree, "<t>", mode)
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, str(e).split(" object at ")[0])


args0 = ast.arguments([], [], None, [], [], None, [])
t("left None", expr(ast.BinOp(None, ast.Add(), c(1), **L)), "eval")
t("id None", expr(ast.Name(None, ast.Load(), **L)), "eval")
t("funcname None", mod(ast.FunctionDef(None, args0, [ast.Pass(**L)], [], **L)))
t("type_ignores None", ast.Module([ast.Expr(c(1), **L)], None))
t("None stmt", mod(None))
t("list constant", expr(c([1])), "eval")
t("set constant", expr(c({1})), "eval")
t("store ctx in eval", expr(ast.Name("x", ast.Store(), **L)), "eval")
t("ctx None", expr(ast.Name("x", None, **L)), "eval")
t("op None", expr(ast.BinOp(c(1), None, c(1), **L)), "eval")
t("op class", expr(ast.BinOp(c(1), ast.Add, c(1), **L)), "eval")
t("bad range", expr(ast.Constant(1, lineno=1, col_offset=5, end_col_offset=2)), "eval")
t("bad lines", expr(ast.Constant(1, lineno=3, col_offset=0, end_lineno=2)), "eval")
t("no lineno", expr(ast.Constant(1)), "eval")
t("wrong mode", expr(c(1)), "exec")
t("wrong mode 2", mod(), "eval")
t("not a list", ast.Module((ast.Pass(**L),), []))
t("body empty", mod(ast.FunctionDef("f", args0, [], [], **L)))
t("class body empty", mod(ast.ClassDef("C", [], [], [], [], **L)))
t("for body empty", mod(ast.For(name("i", ast.Store()), name("r"), [], [], **L)))
t("try nothing", mod(ast.Try([ast.Pass(**L)], [], [], [], **L)))
t("try orelse", mod(ast.Try([ast.Pass(**L)], [], [ast.Pass(**L)], [ast.Pass(**L)], **L)))
t("trystar nothing", mod(ast.TryStar([ast.Pass(**L)], [], [], [], **L)))
t("boolop one", expr(ast.BoolOp(ast.And(), [c(1)], **L)), "eval")
t("dict mismatch", expr(ast.Dict([c(1)], [], **L)), "eval")
t("compare none", expr(ast.Compare(c(1), [], [], **L)), "eval")
t("compare mismatch", expr(ast.Compare(c(1), [ast.Eq()], [c(1), c(2)], **L)), "eval")
t("comp no gens", expr(ast.ListComp(c(1), [], **L)), "eval")
t("name None", expr(name("None")), "eval")
t("name True", mod(ast.Assign([name("True", ast.Store())], c(1), **L)))
t("assign load target", mod(ast.Assign([name("x")], c(1), **L)))
t("assign no targets", mod(ast.Assign([], c(1), **L)))
t("assign to call", mod(ast.Assign([ast.Call(name("f"), [], [], **L)], c(1), **L)))
t("del load", mod(ast.Delete([name("x")], **L)))
t("raise cause only", mod(ast.Raise(None, name("e"), **L)))
t("import empty", mod(ast.Import([], **L)))
t("importfrom negative", mod(ast.ImportFrom("m", [ast.alias("x", **L)], -1, **L)))
t("global empty", mod(ast.Global([], **L)))
t("annassign simple", mod(ast.AnnAssign(ast.Attribute(name("a"), "b", ast.Store(), **L), name("int"), None, 1, **L)))
t("defaults", mod(ast.FunctionDef("f", ast.arguments([], [], None, [], [], None, [c(1)]), [ast.Pass(**L)], [], **L)))
t("kw_defaults", mod(ast.FunctionDef("f", ast.arguments([], [], None, [ast.arg("k", **L)], [], None, []), [ast.Pass(**L)], [], **L)))
t("with empty", mod(ast.With([], [ast.Pass(**L)], **L)))
t("int field", mod(ast.ImportFrom("m", [ast.alias("x", **L)], "1", **L)))
t("identifier type", mod(ast.Global([1], **L)))
t("string type", mod(ast.Assign([name("x", ast.Store())], c(1), 5, **L)))
t("expected expr", expr(ast.Pass(**L)), "eval")
t("expected stmt", mod(c(1)))
t("lineno type", expr(ast.Constant(1, lineno="1", col_offset=0)), "eval")
t("lineno huge", expr(ast.Constant(1, lineno=2 ** 40, col_offset=0)), "eval")

pat = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)


def match(p):
    return mod(ast.Match(name("x"), [ast.match_case(p, None, [ast.Pass(**L)])], **L))


t("match ok", match(ast.MatchAs(None, None, **pat)))
t("match no end", match(ast.MatchAs(None, None, **L)))
t("match or one", match(ast.MatchOr([ast.MatchAs(None, None, **pat)], **pat)))
t("match star", match(ast.MatchStar("r", **pat)))
t("match as no name", match(ast.MatchAs(ast.MatchAs(None, None, **pat), None, **pat)))
t("match capture _", match(ast.MatchAs(None, "_", **pat)))
t("match singleton", match(ast.MatchSingleton(1, **pat)))
t("match value name", match(ast.MatchValue(name("y"), **pat)))
t("match value tuple", match(ast.MatchValue(c((1,)), **pat)))
t("match cls call", match(ast.MatchClass(ast.Call(name("f"), [], [], **L), [], [], [], **pat)))
t("match kwd mismatch", match(ast.MatchClass(name("C"), [], ["a"], [], **pat)))
t("match mapping mismatch", match(ast.MatchMapping([c(1)], [], None, **pat)))
t("match no cases", mod(ast.Match(name("x"), [], **L)))

# nesting deeper than the limits
deep = c(1)
for _ in range(5_000):
    deep = ast.UnaryOp(ast.USub(), deep, **L)
t("deep tree", expr(deep), "eval")
src = "x = " + " + ".join(["1"] * 5000)
try:
    ast.parse(src)
    print("long sum parsed")
except RecursionError as e:
    print("long sum", e)
