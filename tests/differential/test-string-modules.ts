// The CPython 3.11 test modules whose string constants the test-strings-* tests run through tspyc.
export const TEST_STRING_MODULES = [
  'test_grammar', 'test_exceptions', 'test_compile', 'test_fstring', 'test_syntax', 'test_positional_only_arg',
  'test_named_expressions', 'test_patma', 'test_keywordonlyarg', 'test_string_literals', 'test_unparse', 'test_ast',
  'test_eof', 'test_flufl', 'test_global', 'test_scope', 'test_coroutines', 'test_generators', 'test_except_star',
  'test_exception_group', 'test_type_comments', 'test_utf8source', 'test_tokenize', 'test_dictcomps',
  'test_decorators', 'test_class', 'test_funcattrs', 'test_opcodes', 'test_with', 'test_raise', 'test_print',
  'test_unicode_identifiers', 'test_baseexception', 'test_traceback', 'test_pep646_syntax',
];
