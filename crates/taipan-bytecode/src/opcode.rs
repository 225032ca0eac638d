//! The CPython 3.11 instruction set, defined once.
//!
//! Every instruction is one row of the `define_opcodes!` table below: its
//! Rust name, number, CPython name, inline cache entries, argument kind and
//! stack effect (base instructions), or its number, name and the base
//! instruction it deoptimizes to (the specialized forms of PEP 659). The
//! [`Opcode`] enum, [`Opcode::name`], [`Opcode::from_u8`],
//! [`Opcode::cache_entries`], the `has*` argument kinds, jump directions,
//! [`Opcode::deoptimize`], [`Opcode::specializations`] and
//! [`Opcode::stack_effect`] are all generated from that one table.
//!
//! The numbers follow `Include/opcode.h` (and `Lib/opcode.py`, `Lib/dis.py`
//! for the specialized forms, which take the free slots in order). The stack
//! effects follow `stack_effect()` in `Python/compile.c`, which is what
//! `dis.stack_effect` reports; like it, specialized instructions have no
//! stack effect of their own ([`Opcode::stack_effect`] returns `None` for
//! them: ask the base instruction). The compiler's pseudo-instructions
//! (`SETUP_FINALLY`, `JUMP`, `POP_JUMP_IF_FALSE`, ...) are [`PseudoOp`].

/// First opcode that takes an argument (`HAVE_ARGUMENT`).
pub const HAVE_ARGUMENT: u8 = 90;
/// `EXTENDED_ARG`: prefixes 8 more high bits onto the next instruction's argument.
pub const EXTENDED_ARG: u8 = 144;
/// `FORMAT_VALUE` oparg: mask for "a format spec is on the stack".
pub const FVS_MASK: i32 = 0x4;
/// `FORMAT_VALUE` oparg: the format spec is present.
pub const FVS_HAVE_SPEC: i32 = 0x4;
/// `FORMAT_VALUE` oparg: conversion bits (`FVC_NONE`, `FVC_STR`, `FVC_REPR`, `FVC_ASCII`).
pub const FVC_MASK: i32 = 0x3;

/// `COMPARE_OP` oparg meanings (`opcode.cmp_op`).
pub const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `BINARY_OP` oparg meanings: `(NB_* name, operator)`, indexed by oparg (`opcode._nb_ops`).
pub const NB_OPS: [(&str, &str); 26] = [
    ("NB_ADD", "+"),
    ("NB_AND", "&"),
    ("NB_FLOOR_DIVIDE", "//"),
    ("NB_LSHIFT", "<<"),
    ("NB_MATRIX_MULTIPLY", "@"),
    ("NB_MULTIPLY", "*"),
    ("NB_REMAINDER", "%"),
    ("NB_OR", "|"),
    ("NB_POWER", "**"),
    ("NB_RSHIFT", ">>"),
    ("NB_SUBTRACT", "-"),
    ("NB_TRUE_DIVIDE", "/"),
    ("NB_XOR", "^"),
    ("NB_INPLACE_ADD", "+="),
    ("NB_INPLACE_AND", "&="),
    ("NB_INPLACE_FLOOR_DIVIDE", "//="),
    ("NB_INPLACE_LSHIFT", "<<="),
    ("NB_INPLACE_MATRIX_MULTIPLY", "@="),
    ("NB_INPLACE_MULTIPLY", "*="),
    ("NB_INPLACE_REMAINDER", "%="),
    ("NB_INPLACE_OR", "|="),
    ("NB_INPLACE_POWER", "**="),
    ("NB_INPLACE_RSHIFT", ">>="),
    ("NB_INPLACE_SUBTRACT", "-="),
    ("NB_INPLACE_TRUE_DIVIDE", "/="),
    ("NB_INPLACE_XOR", "^="),
];

/// What an instruction's argument means, as `opcode.py`'s `has*` lists say.
/// Bits of [`Opcode::arg_kinds`].
pub mod kind {
    /// Index into `co_consts` (`hasconst`).
    pub const CONST: u8 = 1 << 0;
    /// Index into `co_names` (`hasname`).
    pub const NAME: u8 = 1 << 1;
    /// Relative jump forward, in code units after the caches (`hasjrel`).
    pub const JUMP_FORWARD: u8 = 1 << 2;
    /// Relative jump backward (`hasjrel`; 3.11 has separate backward opcodes).
    pub const JUMP_BACKWARD: u8 = 1 << 3;
    /// Absolute jump (`hasjabs`: empty in 3.11, kept for the format).
    pub const JABS: u8 = 1 << 4;
    /// Index into the fast locals (`haslocal`).
    pub const LOCAL: u8 = 1 << 5;
    /// Index into cells and free variables, counted in `localsplus` (`hasfree`).
    pub const FREE: u8 = 1 << 6;
    /// Index into [`super::CMP_OP`] (`hascompare`).
    pub const COMPARE: u8 = 1 << 7;
}

/// Which branch a stack effect is asked for, as `dis.stack_effect(..., jump=)`.
///
/// `None` ("either") gives the larger of the two, as CPython does.
pub type Jump = Option<bool>;

macro_rules! define_opcodes {
    (
        base {
            $( $name:ident = $num:literal, $text:literal, $caches:literal,
               [$($kind:ident)*], |$o:tt, $j:tt| $effect:expr; )*
        }
        specialized {
            $( $sname:ident = $snum:literal, $stext:literal, $base:ident; )*
        }
    ) => {
        /// A CPython 3.11 opcode, base or specialized. `as u8` gives its number.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Opcode {
            $( $name = $num, )*
            $( $sname = $snum, )*
        }

        impl Opcode {
            /// Every opcode: the base instructions in number order, then the
            /// specialized ones in `_specialized_instructions` order.
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$name, )* $( Opcode::$sname, )* ];

            /// The opcode with this number, if one is defined.
            pub const fn from_u8(byte: u8) -> Option<Opcode> {
                match byte {
                    $( $num => Some(Opcode::$name), )*
                    $( $snum => Some(Opcode::$sname), )*
                    _ => None,
                }
            }

            /// CPython's name (`dis._all_opname[op]`).
            pub const fn name(self) -> &'static str {
                match self {
                    $( Opcode::$name => $text, )*
                    $( Opcode::$sname => $stext, )*
                }
            }

            /// The base instruction a specialized one stands for (`_PyOpcode_Deopt`);
            /// a base instruction deoptimizes to itself.
            pub const fn deoptimize(self) -> Opcode {
                match self {
                    $( Opcode::$name => Opcode::$name, )*
                    $( Opcode::$sname => Opcode::$base, )*
                }
            }

            /// Inline cache entries (code units) after the instruction
            /// (`_PyOpcode_Caches[_PyOpcode_Deopt[op]]`): a specialized form has
            /// its base instruction's caches.
            pub const fn cache_entries(self) -> u8 {
                match self.deoptimize() {
                    $( Opcode::$name => $caches, )*
                    _ => 0,
                }
            }

            /// The `kind::*` bits of the argument, as `opcode.py`'s `has*`
            /// lists put it: only base instructions are listed there.
            pub const fn arg_kinds(self) -> u8 {
                match self {
                    $( Opcode::$name => 0 $( | kind::$kind )*, )*
                    _ => 0,
                }
            }

            /// The stack effect `dis.stack_effect(op, oparg, jump=jump)` reports,
            /// or `None` where it raises `ValueError` (specialized instructions).
            /// The oparg is ignored by instructions without an argument.
            #[allow(clippy::let_unit_value)]
            pub fn stack_effect(self, oparg: i32, jump: Jump) -> Option<i32> {
                match self {
                    $( Opcode::$name => {
                        let $o = oparg;
                        let $j = jump;
                        Some($effect)
                    } )*
                    _ => None,
                }
            }
        }
    };
}

define_opcodes! {
    base {
        Cache = 0, "CACHE", 0, [], |_, _| 0;
        PopTop = 1, "POP_TOP", 0, [], |_, _| -1;
        PushNull = 2, "PUSH_NULL", 0, [], |_, _| 1;
        Nop = 9, "NOP", 0, [], |_, _| 0;
        UnaryPositive = 10, "UNARY_POSITIVE", 0, [], |_, _| 0;
        UnaryNegative = 11, "UNARY_NEGATIVE", 0, [], |_, _| 0;
        UnaryNot = 12, "UNARY_NOT", 0, [], |_, _| 0;
        UnaryInvert = 15, "UNARY_INVERT", 0, [], |_, _| 0;
        BinarySubscr = 25, "BINARY_SUBSCR", 4, [], |_, _| -1;
        GetLen = 30, "GET_LEN", 0, [], |_, _| 1;
        MatchMapping = 31, "MATCH_MAPPING", 0, [], |_, _| 1;
        MatchSequence = 32, "MATCH_SEQUENCE", 0, [], |_, _| 1;
        MatchKeys = 33, "MATCH_KEYS", 0, [], |_, _| 1;
        PushExcInfo = 35, "PUSH_EXC_INFO", 0, [], |_, _| 1;
        CheckExcMatch = 36, "CHECK_EXC_MATCH", 0, [], |_, _| 0;
        CheckEgMatch = 37, "CHECK_EG_MATCH", 0, [], |_, _| 0;
        WithExceptStart = 49, "WITH_EXCEPT_START", 0, [], |_, _| 1;
        GetAiter = 50, "GET_AITER", 0, [], |_, _| 0;
        GetAnext = 51, "GET_ANEXT", 0, [], |_, _| 1;
        BeforeAsyncWith = 52, "BEFORE_ASYNC_WITH", 0, [], |_, _| 1;
        BeforeWith = 53, "BEFORE_WITH", 0, [], |_, _| 1;
        EndAsyncFor = 54, "END_ASYNC_FOR", 0, [], |_, _| -2;
        StoreSubscr = 60, "STORE_SUBSCR", 1, [], |_, _| -3;
        DeleteSubscr = 61, "DELETE_SUBSCR", 0, [], |_, _| -2;
        GetIter = 68, "GET_ITER", 0, [], |_, _| 0;
        GetYieldFromIter = 69, "GET_YIELD_FROM_ITER", 0, [], |_, _| 0;
        PrintExpr = 70, "PRINT_EXPR", 0, [], |_, _| -1;
        LoadBuildClass = 71, "LOAD_BUILD_CLASS", 0, [], |_, _| 1;
        LoadAssertionError = 74, "LOAD_ASSERTION_ERROR", 0, [], |_, _| 1;
        ReturnGenerator = 75, "RETURN_GENERATOR", 0, [], |_, _| 0;
        ListToTuple = 82, "LIST_TO_TUPLE", 0, [], |_, _| 0;
        ReturnValue = 83, "RETURN_VALUE", 0, [], |_, _| -1;
        ImportStar = 84, "IMPORT_STAR", 0, [], |_, _| -1;
        SetupAnnotations = 85, "SETUP_ANNOTATIONS", 0, [], |_, _| 0;
        YieldValue = 86, "YIELD_VALUE", 0, [], |_, _| 0;
        AsyncGenWrap = 87, "ASYNC_GEN_WRAP", 0, [], |_, _| 0;
        PrepReraiseStar = 88, "PREP_RERAISE_STAR", 0, [], |_, _| -1;
        PopExcept = 89, "POP_EXCEPT", 0, [], |_, _| -1;
        StoreName = 90, "STORE_NAME", 0, [NAME], |_, _| -1;
        DeleteName = 91, "DELETE_NAME", 0, [NAME], |_, _| 0;
        UnpackSequence = 92, "UNPACK_SEQUENCE", 1, [], |o, _| o.wrapping_sub(1);
        ForIter = 93, "FOR_ITER", 0, [JUMP_FORWARD], |_, j| if j == Some(true) { -1 } else { 1 };
        UnpackEx = 94, "UNPACK_EX", 0, [], |o, _| (o & 0xFF) + (o >> 8);
        StoreAttr = 95, "STORE_ATTR", 4, [NAME], |_, _| -2;
        DeleteAttr = 96, "DELETE_ATTR", 0, [NAME], |_, _| -1;
        StoreGlobal = 97, "STORE_GLOBAL", 0, [NAME], |_, _| -1;
        DeleteGlobal = 98, "DELETE_GLOBAL", 0, [NAME], |_, _| 0;
        Swap = 99, "SWAP", 0, [], |_, _| 0;
        LoadConst = 100, "LOAD_CONST", 0, [CONST], |_, _| 1;
        LoadName = 101, "LOAD_NAME", 0, [NAME], |_, _| 1;
        BuildTuple = 102, "BUILD_TUPLE", 0, [], |o, _| 1i32.wrapping_sub(o);
        BuildList = 103, "BUILD_LIST", 0, [], |o, _| 1i32.wrapping_sub(o);
        BuildSet = 104, "BUILD_SET", 0, [], |o, _| 1i32.wrapping_sub(o);
        BuildMap = 105, "BUILD_MAP", 0, [], |o, _| 1i32.wrapping_sub(o.wrapping_mul(2));
        LoadAttr = 106, "LOAD_ATTR", 4, [NAME], |_, _| 0;
        CompareOp = 107, "COMPARE_OP", 2, [COMPARE], |_, _| -1;
        ImportName = 108, "IMPORT_NAME", 0, [NAME], |_, _| -1;
        ImportFrom = 109, "IMPORT_FROM", 0, [NAME], |_, _| 1;
        JumpForward = 110, "JUMP_FORWARD", 0, [JUMP_FORWARD], |_, _| 0;
        JumpIfFalseOrPop = 111, "JUMP_IF_FALSE_OR_POP", 0, [JUMP_FORWARD], |_, j| if j == Some(false) { -1 } else { 0 };
        JumpIfTrueOrPop = 112, "JUMP_IF_TRUE_OR_POP", 0, [JUMP_FORWARD], |_, j| if j == Some(false) { -1 } else { 0 };
        PopJumpForwardIfFalse = 114, "POP_JUMP_FORWARD_IF_FALSE", 0, [JUMP_FORWARD], |_, _| -1;
        PopJumpForwardIfTrue = 115, "POP_JUMP_FORWARD_IF_TRUE", 0, [JUMP_FORWARD], |_, _| -1;
        LoadGlobal = 116, "LOAD_GLOBAL", 5, [NAME], |o, _| (o & 1) + 1;
        IsOp = 117, "IS_OP", 0, [], |_, _| -1;
        ContainsOp = 118, "CONTAINS_OP", 0, [], |_, _| -1;
        Reraise = 119, "RERAISE", 0, [], |_, _| -1;
        Copy = 120, "COPY", 0, [], |_, _| 1;
        BinaryOp = 122, "BINARY_OP", 1, [], |_, _| -1;
        Send = 123, "SEND", 0, [JUMP_FORWARD], |_, j| if j == Some(true) { -1 } else { 0 };
        LoadFast = 124, "LOAD_FAST", 0, [LOCAL], |_, _| 1;
        StoreFast = 125, "STORE_FAST", 0, [LOCAL], |_, _| -1;
        DeleteFast = 126, "DELETE_FAST", 0, [LOCAL], |_, _| 0;
        PopJumpForwardIfNotNone = 128, "POP_JUMP_FORWARD_IF_NOT_NONE", 0, [JUMP_FORWARD], |_, _| -1;
        PopJumpForwardIfNone = 129, "POP_JUMP_FORWARD_IF_NONE", 0, [JUMP_FORWARD], |_, _| -1;
        RaiseVarargs = 130, "RAISE_VARARGS", 0, [], |o, _| o.wrapping_neg();
        GetAwaitable = 131, "GET_AWAITABLE", 0, [], |_, _| 0;
        MakeFunction = 132, "MAKE_FUNCTION", 0, [], |o, _| -((o & 1 != 0) as i32 + (o & 2 != 0) as i32 + (o & 4 != 0) as i32 + (o & 8 != 0) as i32);
        BuildSlice = 133, "BUILD_SLICE", 0, [], |o, _| if o == 3 { -2 } else { -1 };
        JumpBackwardNoInterrupt = 134, "JUMP_BACKWARD_NO_INTERRUPT", 0, [JUMP_BACKWARD], |_, _| 0;
        MakeCell = 135, "MAKE_CELL", 0, [FREE], |_, _| 0;
        LoadClosure = 136, "LOAD_CLOSURE", 0, [FREE], |_, _| 1;
        LoadDeref = 137, "LOAD_DEREF", 0, [FREE], |_, _| 1;
        StoreDeref = 138, "STORE_DEREF", 0, [FREE], |_, _| -1;
        DeleteDeref = 139, "DELETE_DEREF", 0, [FREE], |_, _| 0;
        JumpBackward = 140, "JUMP_BACKWARD", 0, [JUMP_BACKWARD], |_, _| 0;
        CallFunctionEx = 142, "CALL_FUNCTION_EX", 0, [], |o, _| -2 - (o & 1 != 0) as i32;
        ExtendedArg = 144, "EXTENDED_ARG", 0, [], |_, _| 0;
        ListAppend = 145, "LIST_APPEND", 0, [], |_, _| -1;
        SetAdd = 146, "SET_ADD", 0, [], |_, _| -1;
        MapAdd = 147, "MAP_ADD", 0, [], |_, _| -2;
        LoadClassderef = 148, "LOAD_CLASSDEREF", 0, [FREE], |_, _| 1;
        CopyFreeVars = 149, "COPY_FREE_VARS", 0, [], |_, _| 0;
        Resume = 151, "RESUME", 0, [], |_, _| 0;
        MatchClass = 152, "MATCH_CLASS", 0, [], |_, _| -2;
        FormatValue = 155, "FORMAT_VALUE", 0, [], |o, _| if o & FVS_MASK == FVS_HAVE_SPEC { -1 } else { 0 };
        BuildConstKeyMap = 156, "BUILD_CONST_KEY_MAP", 0, [], |o, _| o.wrapping_neg();
        BuildString = 157, "BUILD_STRING", 0, [], |o, _| 1i32.wrapping_sub(o);
        LoadMethod = 160, "LOAD_METHOD", 10, [NAME], |_, _| 1;
        ListExtend = 162, "LIST_EXTEND", 0, [], |_, _| -1;
        SetUpdate = 163, "SET_UPDATE", 0, [], |_, _| -1;
        DictMerge = 164, "DICT_MERGE", 0, [], |_, _| -1;
        DictUpdate = 165, "DICT_UPDATE", 0, [], |_, _| -1;
        Precall = 166, "PRECALL", 1, [], |o, _| o.wrapping_neg();
        Call = 171, "CALL", 4, [], |_, _| -1;
        KwNames = 172, "KW_NAMES", 0, [CONST], |_, _| 0;
        PopJumpBackwardIfNotNone = 173, "POP_JUMP_BACKWARD_IF_NOT_NONE", 0, [JUMP_BACKWARD], |_, _| -1;
        PopJumpBackwardIfNone = 174, "POP_JUMP_BACKWARD_IF_NONE", 0, [JUMP_BACKWARD], |_, _| -1;
        PopJumpBackwardIfFalse = 175, "POP_JUMP_BACKWARD_IF_FALSE", 0, [JUMP_BACKWARD], |_, _| -1;
        PopJumpBackwardIfTrue = 176, "POP_JUMP_BACKWARD_IF_TRUE", 0, [JUMP_BACKWARD], |_, _| -1;
    }
    specialized {
        BinaryOpAdaptive = 3, "BINARY_OP_ADAPTIVE", BinaryOp;
        BinaryOpAddFloat = 4, "BINARY_OP_ADD_FLOAT", BinaryOp;
        BinaryOpAddInt = 5, "BINARY_OP_ADD_INT", BinaryOp;
        BinaryOpAddUnicode = 6, "BINARY_OP_ADD_UNICODE", BinaryOp;
        BinaryOpInplaceAddUnicode = 7, "BINARY_OP_INPLACE_ADD_UNICODE", BinaryOp;
        BinaryOpMultiplyFloat = 8, "BINARY_OP_MULTIPLY_FLOAT", BinaryOp;
        BinaryOpMultiplyInt = 13, "BINARY_OP_MULTIPLY_INT", BinaryOp;
        BinaryOpSubtractFloat = 14, "BINARY_OP_SUBTRACT_FLOAT", BinaryOp;
        BinaryOpSubtractInt = 16, "BINARY_OP_SUBTRACT_INT", BinaryOp;
        BinarySubscrAdaptive = 17, "BINARY_SUBSCR_ADAPTIVE", BinarySubscr;
        BinarySubscrDict = 18, "BINARY_SUBSCR_DICT", BinarySubscr;
        BinarySubscrGetitem = 19, "BINARY_SUBSCR_GETITEM", BinarySubscr;
        BinarySubscrListInt = 20, "BINARY_SUBSCR_LIST_INT", BinarySubscr;
        BinarySubscrTupleInt = 21, "BINARY_SUBSCR_TUPLE_INT", BinarySubscr;
        CallAdaptive = 22, "CALL_ADAPTIVE", Call;
        CallPyExactArgs = 23, "CALL_PY_EXACT_ARGS", Call;
        CallPyWithDefaults = 24, "CALL_PY_WITH_DEFAULTS", Call;
        CompareOpAdaptive = 26, "COMPARE_OP_ADAPTIVE", CompareOp;
        CompareOpFloatJump = 27, "COMPARE_OP_FLOAT_JUMP", CompareOp;
        CompareOpIntJump = 28, "COMPARE_OP_INT_JUMP", CompareOp;
        CompareOpStrJump = 29, "COMPARE_OP_STR_JUMP", CompareOp;
        ExtendedArgQuick = 34, "EXTENDED_ARG_QUICK", ExtendedArg;
        JumpBackwardQuick = 38, "JUMP_BACKWARD_QUICK", JumpBackward;
        LoadAttrAdaptive = 39, "LOAD_ATTR_ADAPTIVE", LoadAttr;
        LoadAttrInstanceValue = 40, "LOAD_ATTR_INSTANCE_VALUE", LoadAttr;
        LoadAttrModule = 41, "LOAD_ATTR_MODULE", LoadAttr;
        LoadAttrSlot = 42, "LOAD_ATTR_SLOT", LoadAttr;
        LoadAttrWithHint = 43, "LOAD_ATTR_WITH_HINT", LoadAttr;
        LoadConstLoadFast = 44, "LOAD_CONST__LOAD_FAST", LoadConst;
        LoadFastLoadConst = 45, "LOAD_FAST__LOAD_CONST", LoadFast;
        LoadFastLoadFast = 46, "LOAD_FAST__LOAD_FAST", LoadFast;
        LoadGlobalAdaptive = 47, "LOAD_GLOBAL_ADAPTIVE", LoadGlobal;
        LoadGlobalBuiltin = 48, "LOAD_GLOBAL_BUILTIN", LoadGlobal;
        LoadGlobalModule = 55, "LOAD_GLOBAL_MODULE", LoadGlobal;
        LoadMethodAdaptive = 56, "LOAD_METHOD_ADAPTIVE", LoadMethod;
        LoadMethodClass = 57, "LOAD_METHOD_CLASS", LoadMethod;
        LoadMethodModule = 58, "LOAD_METHOD_MODULE", LoadMethod;
        LoadMethodNoDict = 59, "LOAD_METHOD_NO_DICT", LoadMethod;
        LoadMethodWithDict = 62, "LOAD_METHOD_WITH_DICT", LoadMethod;
        LoadMethodWithValues = 63, "LOAD_METHOD_WITH_VALUES", LoadMethod;
        PrecallAdaptive = 64, "PRECALL_ADAPTIVE", Precall;
        PrecallBoundMethod = 65, "PRECALL_BOUND_METHOD", Precall;
        PrecallBuiltinClass = 66, "PRECALL_BUILTIN_CLASS", Precall;
        PrecallBuiltinFastWithKeywords = 67, "PRECALL_BUILTIN_FAST_WITH_KEYWORDS", Precall;
        PrecallMethodDescriptorFastWithKeywords = 72, "PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS", Precall;
        PrecallNoKwBuiltinFast = 73, "PRECALL_NO_KW_BUILTIN_FAST", Precall;
        PrecallNoKwBuiltinO = 76, "PRECALL_NO_KW_BUILTIN_O", Precall;
        PrecallNoKwIsinstance = 77, "PRECALL_NO_KW_ISINSTANCE", Precall;
        PrecallNoKwLen = 78, "PRECALL_NO_KW_LEN", Precall;
        PrecallNoKwListAppend = 79, "PRECALL_NO_KW_LIST_APPEND", Precall;
        PrecallNoKwMethodDescriptorFast = 80, "PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST", Precall;
        PrecallNoKwMethodDescriptorNoargs = 81, "PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS", Precall;
        PrecallNoKwMethodDescriptorO = 113, "PRECALL_NO_KW_METHOD_DESCRIPTOR_O", Precall;
        PrecallNoKwStr1 = 121, "PRECALL_NO_KW_STR_1", Precall;
        PrecallNoKwTuple1 = 127, "PRECALL_NO_KW_TUPLE_1", Precall;
        PrecallNoKwType1 = 141, "PRECALL_NO_KW_TYPE_1", Precall;
        PrecallPyfunc = 143, "PRECALL_PYFUNC", Precall;
        ResumeQuick = 150, "RESUME_QUICK", Resume;
        StoreAttrAdaptive = 153, "STORE_ATTR_ADAPTIVE", StoreAttr;
        StoreAttrInstanceValue = 154, "STORE_ATTR_INSTANCE_VALUE", StoreAttr;
        StoreAttrSlot = 158, "STORE_ATTR_SLOT", StoreAttr;
        StoreAttrWithHint = 159, "STORE_ATTR_WITH_HINT", StoreAttr;
        StoreFastLoadFast = 161, "STORE_FAST__LOAD_FAST", StoreFast;
        StoreFastStoreFast = 167, "STORE_FAST__STORE_FAST", StoreFast;
        StoreSubscrAdaptive = 168, "STORE_SUBSCR_ADAPTIVE", StoreSubscr;
        StoreSubscrDict = 169, "STORE_SUBSCR_DICT", StoreSubscr;
        StoreSubscrListInt = 170, "STORE_SUBSCR_LIST_INT", StoreSubscr;
        UnpackSequenceAdaptive = 177, "UNPACK_SEQUENCE_ADAPTIVE", UnpackSequence;
        UnpackSequenceList = 178, "UNPACK_SEQUENCE_LIST", UnpackSequence;
        UnpackSequenceTuple = 179, "UNPACK_SEQUENCE_TUPLE", UnpackSequence;
        UnpackSequenceTwoTuple = 180, "UNPACK_SEQUENCE_TWO_TUPLE", UnpackSequence;
    }
}

impl Opcode {
    /// Whether the instruction takes an argument (`HAS_ARG`: number >= 90).
    pub const fn has_arg(self) -> bool {
        self as u8 >= HAVE_ARGUMENT
    }

    /// Whether this is a specialized (quickened) form of another instruction.
    pub const fn is_specialized(self) -> bool {
        !matches!(self.deoptimize(), op if op as u8 == self as u8)
    }

    /// The opcode with this CPython name.
    pub fn from_name(name: &str) -> Option<Opcode> {
        Opcode::ALL.iter().copied().find(|op| op.name() == name)
    }

    /// The specialized forms of this base instruction, in `opcode._specializations` order.
    pub fn specializations(self) -> impl Iterator<Item = Opcode> {
        Opcode::ALL
            .iter()
            .copied()
            .filter(move |op| op.is_specialized() && op.deoptimize() == self)
    }

    /// Argument is an index into `co_consts` (`hasconst`).
    pub const fn has_const(self) -> bool {
        self.arg_kinds() & kind::CONST != 0
    }
    /// Argument is an index into `co_names` (`hasname`).
    pub const fn has_name(self) -> bool {
        self.arg_kinds() & kind::NAME != 0
    }
    /// Argument is a relative jump (`hasjrel`), forward or backward.
    pub const fn has_jrel(self) -> bool {
        self.arg_kinds() & (kind::JUMP_FORWARD | kind::JUMP_BACKWARD) != 0
    }
    /// Argument is an absolute jump (`hasjabs`; none in 3.11).
    pub const fn has_jabs(self) -> bool {
        self.arg_kinds() & kind::JABS != 0
    }
    /// Argument is a fast-local index (`haslocal`).
    pub const fn has_local(self) -> bool {
        self.arg_kinds() & kind::LOCAL != 0
    }
    /// Argument is a cell/free variable index (`hasfree`).
    pub const fn has_free(self) -> bool {
        self.arg_kinds() & kind::FREE != 0
    }
    /// Argument is a comparison operator (`hascompare`).
    pub const fn has_compare(self) -> bool {
        self.arg_kinds() & kind::COMPARE != 0
    }
    /// A relative jump backward (`JUMP_BACKWARD`, `POP_JUMP_BACKWARD_IF_*`, ...).
    pub const fn is_backward_jump(self) -> bool {
        self.arg_kinds() & kind::JUMP_BACKWARD != 0
    }

    /// Jump target, in code units from the start of the code, of this
    /// instruction at code unit `index` with (full, extended) argument
    /// `oparg`: relative to the instruction after the caches.
    pub fn jump_target(self, index: usize, oparg: u32) -> Option<usize> {
        let next = index + 1 + self.cache_entries() as usize;
        if self.arg_kinds() & kind::JUMP_FORWARD != 0 {
            next.checked_add(oparg as usize)
        } else if self.is_backward_jump() {
            next.checked_sub(oparg as usize)
        } else {
            None
        }
    }
}

impl TryFrom<u8> for Opcode {
    type Error = u8;
    fn try_from(byte: u8) -> Result<Opcode, u8> {
        Opcode::from_u8(byte).ok_or(byte)
    }
}

impl std::fmt::Display for Opcode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The compiler's pseudo-instructions of 3.11 (`Python/compile.c`, numbered
/// -1 to -10 there): they exist only in the control-flow graph and become real
/// instructions or exception-table entries at assembly.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum PseudoOp {
    /// Start of a `try` body; the handler gets the exception.
    SetupFinally,
    /// As `SetupFinally`, but the handler also gets `lasti`.
    SetupCleanup,
    /// Start of a `with` body.
    SetupWith,
    /// End of a block started by one of the `Setup*`.
    PopBlock,
    /// Unconditional jump, direction decided at assembly.
    Jump,
    /// As `Jump`, without an eval-breaker check.
    JumpNoInterrupt,
    /// Pop; jump if false.
    PopJumpIfFalse,
    /// Pop; jump if true.
    PopJumpIfTrue,
    /// Pop; jump if `None`.
    PopJumpIfNone,
    /// Pop; jump if not `None`.
    PopJumpIfNotNone,
}

impl PseudoOp {
    /// The name CPython's compiler uses.
    pub const fn name(self) -> &'static str {
        match self {
            PseudoOp::SetupFinally => "SETUP_FINALLY",
            PseudoOp::SetupCleanup => "SETUP_CLEANUP",
            PseudoOp::SetupWith => "SETUP_WITH",
            PseudoOp::PopBlock => "POP_BLOCK",
            PseudoOp::Jump => "JUMP",
            PseudoOp::JumpNoInterrupt => "JUMP_NO_INTERRUPT",
            PseudoOp::PopJumpIfFalse => "POP_JUMP_IF_FALSE",
            PseudoOp::PopJumpIfTrue => "POP_JUMP_IF_TRUE",
            PseudoOp::PopJumpIfNone => "POP_JUMP_IF_NONE",
            PseudoOp::PopJumpIfNotNone => "POP_JUMP_IF_NOT_NONE",
        }
    }

    /// Stack effect as `stack_effect()` in `Python/compile.c` gives it.
    pub const fn stack_effect(self, jump: Jump) -> i32 {
        let jumps = !matches!(jump, Some(false));
        match self {
            PseudoOp::SetupFinally | PseudoOp::SetupWith => jumps as i32,
            PseudoOp::SetupCleanup => 2 * jumps as i32,
            PseudoOp::PopBlock | PseudoOp::Jump | PseudoOp::JumpNoInterrupt => 0,
            PseudoOp::PopJumpIfFalse
            | PseudoOp::PopJumpIfTrue
            | PseudoOp::PopJumpIfNone
            | PseudoOp::PopJumpIfNotNone => -1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_and_are_unique() {
        let mut seen = [false; 256];
        for &op in Opcode::ALL {
            assert!(!seen[op as usize], "{op} defined twice");
            seen[op as usize] = true;
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
            assert_eq!(Opcode::from_name(op.name()), Some(op));
        }
        assert_eq!(Opcode::ALL.len(), 110 + 71);
    }

    #[test]
    fn families() {
        assert_eq!(Opcode::LoadAttrSlot.deoptimize(), Opcode::LoadAttr);
        assert_eq!(Opcode::LoadAttrSlot.cache_entries(), 4);
        assert!(Opcode::LoadAttrSlot.is_specialized());
        assert!(!Opcode::LoadAttr.is_specialized());
        assert_eq!(
            Opcode::Resume.specializations().collect::<Vec<_>>(),
            [Opcode::ResumeQuick]
        );
        assert_eq!(Opcode::JumpBackward.jump_target(10, 4), Some(7));
        assert_eq!(Opcode::ForIter.jump_target(10, 4), Some(15));
        assert_eq!(Opcode::CompareOp.jump_target(10, 4), None);
    }
}
