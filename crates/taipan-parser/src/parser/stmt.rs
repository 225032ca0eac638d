//! Statement rules of CPython 3.11's `Grammar/python.gram` ("STATEMENTS" through "Match
//! statement"), with the node positions of the generated `Parser/parser.c`. Alternatives that
//! share a prefix (`if ... block elif` / `if ... block else`, the three `try` forms) parse the
//! prefix once, which is what CPython's memo of `block` achieves.

use super::expr::{mk, name_id, split_call};
use super::helpers::set_expr_context;
use super::memo::MemoRule;
use super::Parser;
use crate::ast::{
    Alias, ExceptHandler, Expr, ExprContext, ExprKind, Identifier, MatchCase, Operator, Stmt,
    StmtKind, WithItem,
};
use crate::token::TokKind as T;

fn st(loc: crate::ast::Loc, kind: StmtKind) -> Stmt {
    Stmt { loc, kind }
}

impl Parser<'_> {
    /// `statements: statement+` (flattened)
    pub(crate) fn statements(&mut self) -> Option<Vec<Stmt>> {
        let mut v = Vec::new();
        loop {
            let m = self.mark;
            match self.statement() {
                Some(s) => v.extend(s),
                None => {
                    self.mark = m;
                    break;
                }
            }
        }
        if v.is_empty() {
            None
        } else {
            Some(v)
        }
    }

    /// `statement: compound_stmt | simple_stmts`
    fn statement(&mut self) -> Option<Vec<Stmt>> {
        if let Some(s) = self.compound_stmt() {
            return Some(vec![s]);
        }
        if self.error.is_some() {
            return None;
        }
        self.simple_stmts()
    }

    /// `simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE`
    /// (the first statement parsed once: the first alternative is the second's special case,
    /// which is what CPython's memo of `simple_stmt` achieves)
    pub(crate) fn simple_stmts(&mut self) -> Option<Vec<Stmt>> {
        self.alt(|p| {
            let first = p.simple_stmt()?;
            let mut v = vec![first];
            loop {
                let m = p.mark;
                if p.eat(T::Semi).is_none() {
                    break;
                }
                match p.simple_stmt() {
                    Some(s) => v.push(s),
                    None => {
                        p.mark = m;
                        break;
                    }
                }
            }
            p.eat(T::Semi);
            p.eat(T::Newline)?;
            Some(v)
        })
    }

    /// `simple_stmt (memo)`
    fn simple_stmt(&mut self) -> Option<Stmt> {
        self.memo_stmt(MemoRule::SimpleStmt, |p| p.simple_stmt_raw())
    }

    fn simple_stmt_raw(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        let k = self.peek();
        match k {
            T::Return => return self.return_stmt(),
            T::Import | T::From => return self.import_stmt(),
            T::Raise => return self.raise_stmt(),
            T::Pass | T::Break | T::Continue => {
                self.mark += 1;
                let kind = match k {
                    T::Pass => StmtKind::Pass,
                    T::Break => StmtKind::Break,
                    _ => StmtKind::Continue,
                };
                return Some(st(self.extra(start), kind));
            }
            T::Del => return self.del_stmt(),
            T::Assert => return self.assert_stmt(),
            T::Global | T::Nonlocal => return self.global_stmt(),
            _ => {}
        }
        if let Some(s) = self.assignment() {
            return Some(s);
        }
        if self.error.is_some() {
            return None;
        }
        if let Some(e) = self.alt(|p| p.star_expressions()) {
            return Some(st(self.extra(start), StmtKind::Expr { value: Box::new(e) }));
        }
        if self.error.is_some() {
            return None;
        }
        if k == T::Yield {
            let y = self.yield_expr()?;
            return Some(st(self.extra(start), StmtKind::Expr { value: Box::new(y) }));
        }
        None
    }

    /// `assignment`
    fn assignment(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        // NAME ':' expression ['=' annotated_rhs]
        if self.peek() == T::Name && self.kind_at(self.mark + 1) == T::Colon {
            if let Some(s) = self.alt(|p| {
                let a = p.name()?;
                p.eat(T::Colon)?;
                let b = p.expression()?;
                let c = p.alt(|p| {
                    p.eat(T::Equal)?;
                    p.annotated_rhs()
                });
                Some(st(
                    p.extra(start),
                    StmtKind::AnnAssign {
                        target: Box::new(set_expr_context(a, ExprContext::Store)),
                        annotation: Box::new(b),
                        value: c.map(Box::new),
                        simple: 1,
                    },
                ))
            }) {
                return Some(s);
            }
            if self.error.is_some() {
                return None;
            }
        }
        // The remaining alternatives all need `=`, `:` or an augmented assignment outside
        // brackets: the first pass skips them for a statement that has none.
        let flags = if !self.skip_by_scan() {
            super::STMT_ALL
        } else if self.peek() == T::Name && self.kind_at(self.mark + 1) == T::Equal {
            // `NAME = ...`: only the `=` form can match (the others need `.`, `[`, `(`, `:`
            // or an augmented assignment after the name); no need to scan.
            super::STMT_EQUAL
        } else {
            self.scan_stmt(start)
        };
        if flags == 0 {
            return None;
        }
        // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
        if flags & super::STMT_COLON != 0 {
            if let Some(s) = self.alt(|p| {
                let a = match p.alt(|p| {
                    p.eat(T::Lpar)?;
                    let b = p.single_target()?;
                    p.eat(T::Rpar)?;
                    Some(b)
                }) {
                    Some(a) => a,
                    None => p.single_subscript_attribute_target()?,
                };
                p.eat(T::Colon)?;
                let b = p.expression()?;
                let c = p.alt(|p| {
                    p.eat(T::Equal)?;
                    p.annotated_rhs()
                });
                Some(st(
                    p.extra(start),
                    StmtKind::AnnAssign {
                        target: Box::new(a),
                        annotation: Box::new(b),
                        value: c.map(Box::new),
                        simple: 0,
                    },
                ))
            }) {
                return Some(s);
            }
            if self.error.is_some() {
                return None;
            }
        }
        // (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
        if flags & super::STMT_EQUAL != 0 {
            if let Some(s) = self.alt(|p| {
                let targets = p.repeat1(|p| {
                    let z = p.star_targets()?;
                    p.eat(T::Equal)?;
                    Some(z)
                })?;
                let value = p.annotated_rhs()?;
                if p.at(T::Equal) {
                    return None;
                }
                Some(st(
                    p.extra(start),
                    StmtKind::Assign {
                        targets,
                        value: Box::new(value),
                        type_comment: None,
                    },
                ))
            }) {
                return Some(s);
            }
            if self.error.is_some() {
                return None;
            }
        }
        if flags & super::STMT_AUG == 0 {
            return None;
        }
        // single_target augassign ~ (yield_expr | star_expressions)
        let mut cut = false;
        if let Some(s) = self.alt(|p| {
            let a = p.single_target()?;
            let op = augassign(p.peek())?;
            p.mark += 1;
            cut = true;
            let c = p.annotated_rhs()?;
            Some(st(
                p.extra(start),
                StmtKind::AugAssign {
                    target: Box::new(a),
                    op,
                    value: Box::new(c),
                },
            ))
        }) {
            return Some(s);
        }
        if cut || self.error.is_some() {
            return None;
        }
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_assignment());
        }
        None
    }

    /// `annotated_rhs: yield_expr | star_expressions`
    pub(crate) fn annotated_rhs(&mut self) -> Option<Expr> {
        if self.at(T::Yield) {
            return self.yield_expr();
        }
        self.star_expressions()
    }

    /// `return_stmt: 'return' [star_expressions]`
    fn return_stmt(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        self.eat(T::Return)?;
        let a = self.alt(|p| p.star_expressions());
        if self.error.is_some() {
            return None;
        }
        Some(st(
            self.extra(start),
            StmtKind::Return {
                value: a.map(Box::new),
            },
        ))
    }

    /// `raise_stmt: 'raise' expression ['from' expression] | 'raise'`
    fn raise_stmt(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        self.eat(T::Raise)?;
        if let Some(s) = self.alt(|p| {
            let a = p.expression()?;
            let b = p.alt(|p| {
                p.eat(T::From)?;
                p.expression()
            });
            Some(st(
                p.extra(start),
                StmtKind::Raise {
                    exc: Some(Box::new(a)),
                    cause: b.map(Box::new),
                },
            ))
        }) {
            return Some(s);
        }
        if self.error.is_some() {
            return None;
        }
        Some(st(
            self.extra(start),
            StmtKind::Raise {
                exc: None,
                cause: None,
            },
        ))
    }

    /// `global_stmt` / `nonlocal_stmt`: `'global' ','.NAME+`
    fn global_stmt(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        let k = self.peek();
        self.alt(|p| {
            p.mark += 1;
            let names = p.gather(|p| p.name().map(name_id))?;
            let kind = if k == T::Global {
                StmtKind::Global { names }
            } else {
                StmtKind::Nonlocal { names }
            };
            Some(st(p.extra(start), kind))
        })
    }

    /// `del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt`
    fn del_stmt(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        if let Some(s) = self.alt(|p| {
            p.eat(T::Del)?;
            let a = p.del_targets()?;
            if !matches!(p.peek(), T::Semi | T::Newline) {
                return None;
            }
            Some(st(p.extra(start), StmtKind::Delete { targets: a }))
        }) {
            return Some(s);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| p.invalid_del_stmt());
        }
        None
    }

    /// `assert_stmt: 'assert' expression [',' expression]`
    fn assert_stmt(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        self.alt(|p| {
            p.eat(T::Assert)?;
            let a = p.expression()?;
            let b = p.alt(|p| {
                p.eat(T::Comma)?;
                p.expression()
            });
            Some(st(
                p.extra(start),
                StmtKind::Assert {
                    test: Box::new(a),
                    msg: b.map(Box::new),
                },
            ))
        })
    }

    /// `import_stmt: import_name | import_from`
    fn import_stmt(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        if self.at(T::Import) {
            return self.alt(|p| {
                p.mark += 1;
                let names = p.gather(|p| p.dotted_as_name())?;
                Some(st(p.extra(start), StmtKind::Import { names }))
            });
        }
        // 'from' ('.' | '...')* dotted_name 'import' import_from_targets
        // | 'from' ('.' | '...')+ 'import' import_from_targets
        self.alt(|p| {
            p.eat(T::From)?;
            let mut level = 0u32;
            loop {
                match p.peek() {
                    T::Dot => level += 1,
                    T::Ellipsis => level += 3,
                    _ => break,
                }
                p.mark += 1;
            }
            let module = if p.at(T::Name) {
                Some(p.dotted_name()?)
            } else if level == 0 {
                return None;
            } else {
                None
            };
            p.eat(T::Import)?;
            let names = p.import_from_targets()?;
            Some(st(
                p.extra(start),
                StmtKind::ImportFrom {
                    module,
                    names,
                    level,
                },
            ))
        })
    }

    /// `import_from_targets`
    fn import_from_targets(&mut self) -> Option<Vec<Alias>> {
        let start = self.start()?;
        if let Some(v) = self.alt(|p| {
            p.eat(T::Lpar)?;
            let a = p.gather(|p| p.import_from_as_name())?;
            p.eat(T::Comma);
            p.eat(T::Rpar)?;
            Some(a)
        }) {
            return Some(v);
        }
        if let Some(v) = self.alt(|p| {
            let a = p.gather(|p| p.import_from_as_name())?;
            if p.at(T::Comma) {
                return None;
            }
            Some(a)
        }) {
            return Some(v);
        }
        if self.at(T::Star) {
            self.mark += 1;
            return Some(vec![Alias {
                loc: self.extra(start),
                name: Identifier::const_new("*"),
                asname: None,
            }]);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| p.invalid_import_from_targets());
        }
        None
    }

    /// `import_from_as_name: NAME ['as' NAME]`
    pub(crate) fn import_from_as_name(&mut self) -> Option<Alias> {
        let start = self.start()?;
        let a = self.name()?;
        let b = self.alt(|p| {
            p.eat(T::As)?;
            p.name()
        });
        Some(Alias {
            loc: self.extra(start),
            name: name_id(a),
            asname: b.map(name_id),
        })
    }

    /// `dotted_as_name: dotted_name ['as' NAME]`
    fn dotted_as_name(&mut self) -> Option<Alias> {
        let start = self.start()?;
        let a = self.dotted_name()?;
        let b = self.alt(|p| {
            p.eat(T::As)?;
            p.name()
        });
        Some(Alias {
            loc: self.extra(start),
            name: a,
            asname: b.map(name_id),
        })
    }

    /// `dotted_name: dotted_name '.' NAME | NAME` (the joined identifier)
    fn dotted_name(&mut self) -> Option<Identifier> {
        let a = self.name()?;
        let mut s = name_id(a);
        loop {
            let m = self.mark;
            if self.eat(T::Dot).is_none() {
                break;
            }
            match self.name() {
                Some(n) => {
                    s.push('.');
                    s.push_str(&name_id(n));
                }
                None => {
                    self.mark = m;
                    break;
                }
            }
        }
        Some(s)
    }

    // ----- compound statements -----

    /// `compound_stmt`
    fn compound_stmt(&mut self) -> Option<Stmt> {
        match self.peek() {
            T::Def => self.function_def(),
            T::At => {
                if let Some(s) = self.alt(|p| p.function_def()) {
                    return Some(s);
                }
                if self.error.is_some() {
                    return None;
                }
                self.class_def()
            }
            T::Async => {
                if let Some(s) = self.alt(|p| p.function_def()) {
                    return Some(s);
                }
                if self.error.is_some() {
                    return None;
                }
                if let Some(s) = self.alt(|p| p.with_stmt()) {
                    return Some(s);
                }
                if self.error.is_some() {
                    return None;
                }
                self.alt(|p| p.for_stmt())
            }
            T::If => self.if_stmt(),
            T::Class => self.class_def(),
            T::With => self.with_stmt(),
            T::For => self.for_stmt(),
            T::Try => self.try_stmt(),
            T::While => self.while_stmt(),
            T::Name => {
                if self.at_soft_keyword("match") {
                    self.alt(|p| p.match_stmt())
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// `block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block`
    pub(crate) fn block(&mut self) -> Option<Vec<Stmt>> {
        self.nested(|p| {
            p.memo_stmts(MemoRule::Block, |p| {
                if p.at(T::Newline) {
                    if let Some(b) = p.alt(|p| {
                        p.mark += 1;
                        p.eat(T::Indent)?;
                        let a = p.statements()?;
                        p.eat(T::Dedent)?;
                        Some(a)
                    }) {
                        return Some(b);
                    }
                    if p.error.is_some() {
                        return None;
                    }
                }
                if let Some(b) = p.simple_stmts() {
                    return Some(b);
                }
                if p.call_invalid_rules && p.error.is_none() {
                    p.alt(|p| p.invalid_block());
                }
                None
            })
        })
    }

    /// `decorators: ('@' named_expression NEWLINE)+`
    fn decorators(&mut self) -> Option<Vec<Expr>> {
        self.repeat1(|p| {
            p.eat(T::At)?;
            let f = p.named_expression()?;
            p.eat(T::Newline)?;
            Some(f)
        })
    }

    /// `class_def: decorators class_def_raw | class_def_raw`
    fn class_def(&mut self) -> Option<Stmt> {
        self.alt(|p| {
            let d = if p.at(T::At) {
                p.decorators()?
            } else {
                Vec::new()
            };
            let mut c = p.class_def_raw()?;
            if let StmtKind::ClassDef { decorator_list, .. } = &mut c.kind {
                *decorator_list = d;
            }
            Some(c)
        })
    }

    /// `class_def_raw: invalid_class_def_raw | 'class' NAME ['(' [arguments] ')'] ':' block`
    fn class_def_raw(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_class_def_raw());
            if self.error.is_some() {
                return None;
            }
        }
        self.alt(|p| {
            p.eat(T::Class)?;
            let a = p.name()?;
            let b = p.alt(|p| {
                p.eat(T::Lpar)?;
                let z = p.alt(|p| p.arguments());
                p.eat(T::Rpar)?;
                Some(z)
            });
            p.eat(T::Colon)?;
            let c = p.block()?;
            let (bases, keywords) = split_call(b.flatten());
            Some(st(
                p.extra(start),
                StmtKind::ClassDef {
                    name: name_id(a),
                    bases,
                    keywords,
                    body: c,
                    decorator_list: Vec::new(),
                },
            ))
        })
    }

    /// `function_def: decorators function_def_raw | function_def_raw`
    fn function_def(&mut self) -> Option<Stmt> {
        self.alt(|p| {
            let d = if p.at(T::At) {
                p.decorators()?
            } else {
                Vec::new()
            };
            let mut f = p.function_def_raw()?;
            match &mut f.kind {
                StmtKind::FunctionDef { decorator_list, .. }
                | StmtKind::AsyncFunctionDef { decorator_list, .. } => *decorator_list = d,
                _ => {}
            }
            Some(f)
        })
    }

    /// `function_def_raw`
    fn function_def_raw(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_def_raw());
            if self.error.is_some() {
                return None;
            }
        }
        self.alt(|p| {
            let is_async = p.eat(T::Async).is_some();
            p.eat(T::Def)?;
            let n = p.name()?;
            p.expect_forced(T::Lpar, "(")?;
            let params = p.alt(|p| p.params(false));
            if p.error.is_some() {
                return None;
            }
            p.eat(T::Rpar)?;
            let a = p.alt(|p| {
                p.eat(T::Rarrow)?;
                p.expression()
            });
            if p.error.is_some() {
                return None;
            }
            p.expect_forced(T::Colon, ":")?;
            let b = p.block()?;
            let (name, args, body, returns) = (
                name_id(n),
                Box::new(params.unwrap_or_default()),
                b,
                a.map(Box::new),
            );
            let kind = if is_async {
                StmtKind::AsyncFunctionDef {
                    name,
                    args,
                    body,
                    decorator_list: Vec::new(),
                    returns,
                    type_comment: None,
                }
            } else {
                StmtKind::FunctionDef {
                    name,
                    args,
                    body,
                    decorator_list: Vec::new(),
                    returns,
                    type_comment: None,
                }
            };
            Some(st(p.extra(start), kind))
        })
    }

    /// `if_stmt` / `elif_stmt` (`is_elif`)
    fn if_stmt_common(&mut self, is_elif: bool) -> Option<Stmt> {
        let start = self.start()?;
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_if_stmt(is_elif));
            if self.error.is_some() {
                return None;
            }
        }
        self.alt(|p| {
            p.eat(if is_elif { T::Elif } else { T::If })?;
            let a = p.named_expression()?;
            p.eat(T::Colon)?;
            let b = p.block()?;
            let orelse = if p.at(T::Elif) {
                match p.nested(|p| p.alt(|p| p.if_stmt_common(true))) {
                    Some(c) => vec![c],
                    None => {
                        if p.error.is_some() {
                            return None;
                        }
                        p.alt(|p| p.else_block()).unwrap_or_default()
                    }
                }
            } else {
                p.alt(|p| p.else_block()).unwrap_or_default()
            };
            if p.error.is_some() {
                return None;
            }
            Some(st(
                p.extra(start),
                StmtKind::If {
                    test: Box::new(a),
                    body: b,
                    orelse,
                },
            ))
        })
    }

    fn if_stmt(&mut self) -> Option<Stmt> {
        self.if_stmt_common(false)
    }

    /// `else_block: invalid_else_stmt | 'else' &&':' block`
    fn else_block(&mut self) -> Option<Vec<Stmt>> {
        if !self.at(T::Else) {
            return None;
        }
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_else_stmt());
            if self.error.is_some() {
                return None;
            }
        }
        self.alt(|p| {
            p.eat(T::Else)?;
            p.expect_forced(T::Colon, ":")?;
            p.block()
        })
    }

    /// `while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block]`
    fn while_stmt(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_while_stmt());
            if self.error.is_some() {
                return None;
            }
        }
        self.alt(|p| {
            p.eat(T::While)?;
            let a = p.named_expression()?;
            p.eat(T::Colon)?;
            let b = p.block()?;
            let c = p.alt(|p| p.else_block()).unwrap_or_default();
            if p.error.is_some() {
                return None;
            }
            Some(st(
                p.extra(start),
                StmtKind::While {
                    test: Box::new(a),
                    body: b,
                    orelse: c,
                },
            ))
        })
    }

    /// `for_stmt`
    fn for_stmt(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_for_stmt());
            if self.error.is_some() {
                return None;
            }
        }
        let mut cut = false;
        let r = self.alt(|p| {
            let is_async = p.eat(T::Async).is_some();
            p.eat(T::For)?;
            let t = p.star_targets()?;
            p.eat(T::In)?;
            cut = true;
            let ex = p.star_expressions()?;
            p.eat(T::Colon)?;
            let b = p.block()?;
            let el = p.alt(|p| p.else_block()).unwrap_or_default();
            if p.error.is_some() {
                return None;
            }
            let (target, iter) = (Box::new(t), Box::new(ex));
            let kind = if is_async {
                StmtKind::AsyncFor {
                    target,
                    iter,
                    body: b,
                    orelse: el,
                    type_comment: None,
                }
            } else {
                StmtKind::For {
                    target,
                    iter,
                    body: b,
                    orelse: el,
                    type_comment: None,
                }
            };
            Some(st(p.extra(start), kind))
        });
        if r.is_some() || cut || self.error.is_some() {
            return r;
        }
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_for_target());
        }
        None
    }

    /// `with_stmt`
    fn with_stmt(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_with_stmt_indent());
            if self.error.is_some() {
                return None;
            }
        }
        let make = |p: &mut Self, is_async: bool, items: Vec<WithItem>, body: Vec<Stmt>| {
            let kind = if is_async {
                StmtKind::AsyncWith {
                    items,
                    body,
                    type_comment: None,
                }
            } else {
                StmtKind::With {
                    items,
                    body,
                    type_comment: None,
                }
            };
            Some(st(p.extra(start), kind))
        };
        if let Some(s) = self.alt(|p| {
            let is_async = p.eat(T::Async).is_some();
            p.eat(T::With)?;
            p.eat(T::Lpar)?;
            let a = p.gather(|p| p.with_item())?;
            p.eat(T::Comma);
            p.eat(T::Rpar)?;
            p.eat(T::Colon)?;
            let b = p.block()?;
            make(p, is_async, a, b)
        }) {
            return Some(s);
        }
        if self.error.is_some() {
            return None;
        }
        if let Some(s) = self.alt(|p| {
            let is_async = p.eat(T::Async).is_some();
            p.eat(T::With)?;
            let a = p.gather(|p| p.with_item())?;
            p.eat(T::Colon)?;
            let b = p.block()?;
            make(p, is_async, a, b)
        }) {
            return Some(s);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| p.invalid_with_stmt());
        }
        None
    }

    /// `with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression`
    fn with_item(&mut self) -> Option<WithItem> {
        if let Some(w) = self.alt(|p| {
            let e = p.expression()?;
            p.eat(T::As)?;
            let t = p.star_target()?;
            if !matches!(p.peek(), T::Comma | T::Rpar | T::Colon) {
                return None;
            }
            Some(WithItem {
                context_expr: e,
                optional_vars: Some(Box::new(t)),
            })
        }) {
            return Some(w);
        }
        if self.error.is_some() {
            return None;
        }
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_with_item());
            if self.error.is_some() {
                return None;
            }
        }
        let e = self.expression()?;
        Some(WithItem {
            context_expr: e,
            optional_vars: None,
        })
    }

    /// `try_stmt`
    fn try_stmt(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_try_stmt());
            if self.error.is_some() {
                return None;
            }
        }
        self.alt(|p| {
            p.eat(T::Try)?;
            p.expect_forced(T::Colon, ":")?;
            let b = p.block()?;
            if let Some(f) = p.alt(|p| p.finally_block()) {
                return Some(st(
                    p.extra(start),
                    StmtKind::Try {
                        body: b,
                        handlers: Vec::new(),
                        orelse: Vec::new(),
                        finalbody: f,
                    },
                ));
            }
            if p.error.is_some() {
                return None;
            }
            let m = p.mark;
            let mut star = false;
            let ex = match p.repeat1(|p| p.except_block()) {
                Some(ex) => ex,
                None => {
                    if p.error.is_some() {
                        return None;
                    }
                    p.mark = m;
                    star = true;
                    p.repeat1(|p| p.except_star_block())?
                }
            };
            if p.error.is_some() {
                return None;
            }
            let el = p.alt(|p| p.else_block()).unwrap_or_default();
            if p.error.is_some() {
                return None;
            }
            let f = p.alt(|p| p.finally_block()).unwrap_or_default();
            if p.error.is_some() {
                return None;
            }
            let kind = if star {
                StmtKind::TryStar {
                    body: b,
                    handlers: ex,
                    orelse: el,
                    finalbody: f,
                }
            } else {
                StmtKind::Try {
                    body: b,
                    handlers: ex,
                    orelse: el,
                    finalbody: f,
                }
            };
            Some(st(p.extra(start), kind))
        })
    }

    /// `except_block`
    pub(crate) fn except_block(&mut self) -> Option<ExceptHandler> {
        let start = self.start()?;
        if !self.at(T::Except) {
            return None;
        }
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_except_stmt_indent());
            if self.error.is_some() {
                return None;
            }
        }
        if let Some(h) = self.alt(|p| {
            p.eat(T::Except)?;
            let e = p.expression()?;
            let t = p.alt(|p| {
                p.eat(T::As)?;
                p.name()
            });
            p.eat(T::Colon)?;
            let b = p.block()?;
            Some(ExceptHandler {
                loc: p.extra(start),
                type_: Some(Box::new(e)),
                name: t.map(name_id),
                body: b,
            })
        }) {
            return Some(h);
        }
        if self.error.is_some() {
            return None;
        }
        if let Some(h) = self.alt(|p| {
            p.eat(T::Except)?;
            p.eat(T::Colon)?;
            let b = p.block()?;
            Some(ExceptHandler {
                loc: p.extra(start),
                type_: None,
                name: None,
                body: b,
            })
        }) {
            return Some(h);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| p.invalid_except_stmt());
        }
        None
    }

    /// `except_star_block`
    pub(crate) fn except_star_block(&mut self) -> Option<ExceptHandler> {
        let start = self.start()?;
        if !self.at(T::Except) {
            return None;
        }
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_except_star_stmt_indent());
            if self.error.is_some() {
                return None;
            }
        }
        if let Some(h) = self.alt(|p| {
            p.eat(T::Except)?;
            p.eat(T::Star)?;
            let e = p.expression()?;
            let t = p.alt(|p| {
                p.eat(T::As)?;
                p.name()
            });
            p.eat(T::Colon)?;
            let b = p.block()?;
            Some(ExceptHandler {
                loc: p.extra(start),
                type_: Some(Box::new(e)),
                name: t.map(name_id),
                body: b,
            })
        }) {
            return Some(h);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| p.invalid_except_stmt());
        }
        None
    }

    /// `finally_block: invalid_finally_stmt | 'finally' &&':' block`
    fn finally_block(&mut self) -> Option<Vec<Stmt>> {
        if !self.at(T::Finally) {
            return None;
        }
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_finally_stmt());
            if self.error.is_some() {
                return None;
            }
        }
        self.alt(|p| {
            p.eat(T::Finally)?;
            p.expect_forced(T::Colon, ":")?;
            p.block()
        })
    }

    /// `match_stmt`
    fn match_stmt(&mut self) -> Option<Stmt> {
        let start = self.start()?;
        if let Some(s) = self.alt(|p| {
            p.expect_soft_keyword("match")?;
            let subject = p.subject_expr()?;
            p.eat(T::Colon)?;
            p.eat(T::Newline)?;
            p.eat(T::Indent)?;
            let cases = p.repeat1(|p| p.case_block())?;
            p.eat(T::Dedent)?;
            Some(st(
                p.extra(start),
                StmtKind::Match {
                    subject: Box::new(subject),
                    cases,
                },
            ))
        }) {
            return Some(s);
        }
        if self.call_invalid_rules && self.error.is_none() {
            self.alt(|p| p.invalid_match_stmt());
        }
        None
    }

    /// `subject_expr: star_named_expression ',' star_named_expressions? | named_expression`
    pub(crate) fn subject_expr(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if let Some(e) = self.alt(|p| {
            let v = p.star_named_expression()?;
            p.eat(T::Comma)?;
            let mut elts = vec![v];
            if let Some(rest) = p.alt(|p| p.star_named_expressions()) {
                elts.extend(rest);
            }
            Some(mk(
                p.extra(start),
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
            ))
        }) {
            return Some(e);
        }
        if self.error.is_some() {
            return None;
        }
        self.named_expression()
    }

    /// `case_block: invalid_case_block | "case" patterns guard? ':' block`
    fn case_block(&mut self) -> Option<MatchCase> {
        if !self.at_soft_keyword("case") {
            return None;
        }
        if self.call_invalid_rules {
            self.alt(|p| p.invalid_case_block());
            if self.error.is_some() {
                return None;
            }
        }
        self.alt(|p| {
            p.expect_soft_keyword("case")?;
            let pattern = p.patterns()?;
            let guard = p.alt(|p| p.guard());
            if p.error.is_some() {
                return None;
            }
            p.eat(T::Colon)?;
            let body = p.block()?;
            Some(MatchCase {
                pattern,
                guard: guard.map(Box::new),
                body,
            })
        })
    }

    /// `guard: 'if' named_expression`
    pub(crate) fn guard(&mut self) -> Option<Expr> {
        self.eat(T::If)?;
        self.named_expression()
    }
}

/// `augassign`
pub(crate) fn augassign(k: T) -> Option<Operator> {
    Some(match k {
        T::PlusEqual => Operator::Add,
        T::MinEqual => Operator::Sub,
        T::StarEqual => Operator::Mult,
        T::AtEqual => Operator::MatMult,
        T::SlashEqual => Operator::Div,
        T::PercentEqual => Operator::Mod,
        T::AmperEqual => Operator::BitAnd,
        T::VbarEqual => Operator::BitOr,
        T::CircumflexEqual => Operator::BitXor,
        T::LeftShiftEqual => Operator::LShift,
        T::RightShiftEqual => Operator::RShift,
        T::DoubleStarEqual => Operator::Pow,
        T::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}
