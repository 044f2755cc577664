// ClaimQL — the query language of claimgraph. docs/claimql.md describes it as built.
// Keywords are case-insensitive (fragment letters: ANTLR 4.7 has no caseInsensitive
// option); identifiers and strings are case-sensitive.
grammar ClaimQL;

script : statement? (';' statement?)* EOF ;

statement
  : EXPLAIN? query                                             # queryStatement
  | ASSERT term predicateName term assertOption*               # assertStatement
  | RETRACT CLAIM INTEGER (',' INTEGER)* (REASON STRING)?      # retractStatement
  | DEFINE PREDICATE predicateName predicateOption*            # definePredicateStatement
  | DEFINE ENTITY STRING entityOption*                         # defineEntityStatement
  | SHOW showWhat                                              # showStatement
  | HISTORY CLAIM INTEGER                                      # historyClaimStatement
  | HISTORY term predicateName term                            # historyFactStatement
  | REDACT SOURCE STRING (REASON STRING)?                      # redactStatement
  | (DEPRECATE | RESTORE) CLAIM INTEGER (',' INTEGER)* (REASON STRING)?  # markClaimStatement
  | (DEPRECATE | RESTORE) SOURCE STRING (REASON STRING)?       # markSourceStatement
  | AUDIT VERIFY (INDEXES | EVIDENCE)*                         # auditStatement
  | CHANGES SINCE TX INTEGER (UNTIL TX INTEGER)? (MATCH changePattern)?  # changesStatement
  ;

// The pattern of CHANGES ... MATCH and of the Watch RPC (parsed alone, with
// the start rule changePatternOnly): one predicate between two terms.
changePattern : term predicateName term ;
changePatternOnly : changePattern EOF ;

query
  : MATCH patternList matchTail* RETURN DISTINCT? returnItem (',' returnItem)*
    groupBy? having? orderBy? limitClause? offsetClause? (WITH FULL? PROVENANCE)?
  ;

patternList : pattern (',' pattern)* ;
pattern : term path term (AS VARIABLE)? ;

matchTail
  : WHERE expr                                                 # whereTail
  | OPTIONAL '{' patternList (WHERE expr)? '}'                 # optionalTail
  | FROM SOURCE STRING (',' STRING)*                           # fromSourceTail
  | FROM PUBLISHER STRING (',' STRING)*                        # fromPublisherTail
  | AS OF TX INTEGER                                           # asOfTxTail
  | AS OF STRING                                               # asOfTimeTail
  | VALID AT STRING (OR UNKNOWN)?                              # validAtTail
  | VALID DURING STRING '..' STRING (OR UNKNOWN)?              # validDuringTail
  | WITH DEPRECATED                                            # withDeprecatedTail
  ;

// Paths: p, ^p, p|q, (...), and the quantifiers + * {m,n} {m,} {n}.
path : pathAlternative ;
pathAlternative : pathElement ('|' pathElement)* ;
pathElement : pathPrimary quantifier? ;
pathPrimary
  : '^'? predicateName                                         # predicateStep
  | '(' pathAlternative ')'                                    # groupStep
  | VARIABLE                                                   # variableStep
  ;
quantifier
  : '+'                                                        # plusQuantifier
  | '*'                                                        # starQuantifier
  | '{' INTEGER ',' INTEGER '}'                                # rangeQuantifier
  | '{' INTEGER ',' '}'                                        # atLeastQuantifier
  | '{' INTEGER '}'                                            # exactQuantifier
  ;

term : VARIABLE | STRING | number ;
number : '-'? (INTEGER | DECIMAL) ;

returnItem : expr (AS name)? ;
groupBy : GROUP BY expr (',' expr)* ;
having : HAVING expr ;
orderBy : ORDER BY orderItem (',' orderItem)* ;
orderItem : expr (ASC | DESC)? ;
limitClause : LIMIT INTEGER ;
offsetClause : OFFSET INTEGER ;

expr : orExpr ;
orExpr : andExpr (OR andExpr)* ;
andExpr : notExpr (AND notExpr)* ;
notExpr
  : NOT notExpr                                                # notOp
  | NOT EXISTS '{' patternList (WHERE expr)? '}'               # notExistsOp
  | EXISTS '{' patternList (WHERE expr)? '}'                   # existsOp
  | comparison                                                 # comparisonOp
  ;
comparison : additive (compareOp additive)? ;
compareOp : '=' | '!=' | '<>' | '<' | '<=' | '>' | '>=' ;
additive : multiplicative (('+' | '-') multiplicative)* ;
multiplicative : unary (('*' | '/') unary)* ;
unary : '-' unary | primary ;
primary
  : STRING                                                     # stringLiteral
  | INTEGER                                                    # integerLiteral
  | DECIMAL                                                    # decimalLiteral
  | (TRUE_LITERAL | FALSE_LITERAL)                                             # booleanLiteral
  | NULL_LITERAL                                                       # nullLiteral
  | VARIABLE '.' attributeName                                 # attributeRef
  | VARIABLE                                                   # variableRef
  | aggregate                                                  # aggregateCall
  | IDENTIFIER '(' (expr (',' expr)*)? ')'                     # functionCall
  | name                                                       # aliasRef
  | '(' expr ')'                                               # parenthesized
  ;
aggregate
  : COUNT '(' '*' ')'
  | COUNT '(' DISTINCT? expr ')'
  | (MIN | MAX) '(' expr ')'
  ;
attributeName : name ;

// Keywords that may also serve as names (aliases, attributes, predicates): a
// column called `sources` or a predicate called `range` must not be a syntax error.
name : IDENTIFIER | softKeyword ;
softKeyword
  : SOURCE | SOURCES | PUBLISHER | TYPE | TX | METHOD | MODALITY | CONFIDENCE | SPAN | REASON | QUOTE
  | ALIASES | STATS | ENTITIES | PREDICATES | CLAIM | ANY | RANGE | DOMAIN_KW | INVERSE | SYMMETRIC
  | ENTITY | PREDICATE | HISTORY | AUDIT | VERIFY | INDEXES | PROVENANCE | FULL
  | VALID | AT | DURING | UNKNOWN | TO
  | EVIDENCE | REDACT | TEXT
  | DEPRECATE | RESTORE | DEPRECATED
  | CHANGES | SINCE | UNTIL
  ;

predicateName : name ;
assertOption
  : SOURCE STRING                                              # sourceOption
  | SPAN INTEGER '..' INTEGER                                  # spanOption
  | CONFIDENCE (DECIMAL | INTEGER)                             # confidenceOption
  | MODALITY IDENTIFIER                                        # modalityOption
  | METHOD STRING                                              # methodOption
  | QUOTE STRING                                               # quoteOption
  | VALID FROM STRING (TO STRING)?                             # validFromOption
  | VALID TO STRING                                            # validToOption
  ;
predicateOption
  : SYMMETRIC                                                  # symmetricOption
  | INVERSE predicateName                                      # inverseOption
  | DOMAIN_KW typeName                                            # domainOption
  | RANGE typeName                                             # rangeOption
  ;
typeName : ANY | entityType ;
// GROUP too: a type may be called "group" (examples/schema.json's is), and
// after DOMAIN, RANGE or TYPE the keyword cannot mean GROUP BY.
entityType : IDENTIFIER | GROUP ;
entityOption
  : TYPE entityType                                            # typeOption
  | ALIASES STRING (',' STRING)*                               # aliasesOption
  ;
showWhat : PREDICATES | ENTITIES | SOURCES | STATS | CLAIM INTEGER | SOURCE STRING (WITH TEXT)? ;

// ---- lexer ----
MATCH : M A T C H ;          RETURN : R E T U R N ;       WHERE : W H E R E ;
DISTINCT : D I S T I N C T ; OPTIONAL : O P T I O N A L ; FROM : F R O M ;
SOURCE : S O U R C E ;       PUBLISHER : P U B L I S H E R ;
AS : A S ;                   OF : O F ;                   TX : T X ;
WITH : W I T H ;             PROVENANCE : P R O V E N A N C E ;
GROUP : G R O U P ;          ORDER : O R D E R ;          BY : B Y ;
ASC : A S C ;                DESC : D E S C ;             LIMIT : L I M I T ;
OFFSET : O F F S E T ;       AND : A N D ;                OR : O R ;
NOT : N O T ;                EXISTS : E X I S T S ;       TRUE_LITERAL : T R U E ;
FALSE_LITERAL : F A L S E ;          NULL_LITERAL : N U L L ;             COUNT : C O U N T ;
MIN : M I N ;                MAX : M A X ;                EXPLAIN : E X P L A I N ;
ASSERT : A S S E R T ;       RETRACT : R E T R A C T ;    CLAIM : C L A I M ;
REASON : R E A S O N ;       DEFINE : D E F I N E ;       PREDICATE : P R E D I C A T E ;
ENTITY : E N T I T Y ;       SYMMETRIC : S Y M M E T R I C ;
INVERSE : I N V E R S E ;    DOMAIN_KW : D O M A I N ;       RANGE : R A N G E ;
ANY : A N Y ;                TYPE : T Y P E ;             ALIASES : A L I A S E S ;
SPAN : S P A N ;             CONFIDENCE : C O N F I D E N C E ;
MODALITY : M O D A L I T Y ; METHOD : M E T H O D ;       QUOTE : Q U O T E ;
SHOW : S H O W ;             PREDICATES : P R E D I C A T E S ;
ENTITIES : E N T I T I E S ; SOURCES : S O U R C E S ;   STATS : S T A T S ;
HAVING : H A V I N G ;      FULL : F U L L ;      HISTORY : H I S T O R Y ;    AUDIT : A U D I T ;          VERIFY : V E R I F Y ;
INDEXES : I N D E X E S ;   EVIDENCE : E V I D E N C E ; REDACT : R E D A C T ;       TEXT : T E X T ;
VALID : V A L I D ;          AT : A T ;                   DURING : D U R I N G ;
UNKNOWN : U N K N O W N ;    TO : T O ;
DEPRECATE : D E P R E C A T E ; RESTORE : R E S T O R E ;  DEPRECATED : D E P R E C A T E D ;
CHANGES : C H A N G E S ;    SINCE : S I N C E ;          UNTIL : U N T I L ;

VARIABLE : '?' [a-zA-Z_] [a-zA-Z0-9_]* ;
// Hyphenated names such as shares-intel and targeted-by are one identifier.
IDENTIFIER : [a-zA-Z_] [a-zA-Z0-9_]* ('-' [a-zA-Z0-9_]+)* ;
DECIMAL : [0-9]+ '.' [0-9]+ ([eE] [+-]? [0-9]+)? | [0-9]+ [eE] [+-]? [0-9]+ ;
INTEGER : [0-9]+ ;
STRING : '"' (~["\\\r\n] | '\\' .)* '"' ;
// A string that reaches the end of the line unclosed, so that the error can say so.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' .)* ;

LINE_COMMENT : '--' ~[\r\n]* -> skip ;
WS : [ \t\r\n]+ -> skip ;
// Anything else is one bad character, reported by the parser with its position.
UNEXPECTED : . ;

fragment A : [aA] ; fragment B : [bB] ; fragment C : [cC] ; fragment D : [dD] ;
fragment E : [eE] ; fragment F : [fF] ; fragment G : [gG] ; fragment H : [hH] ;
fragment I : [iI] ; fragment J : [jJ] ; fragment K : [kK] ; fragment L : [lL] ;
fragment M : [mM] ; fragment N : [nN] ; fragment O : [oO] ; fragment P : [pP] ;
fragment Q : [qQ] ; fragment R : [rR] ; fragment S : [sS] ; fragment T : [tT] ;
fragment U : [uU] ; fragment V : [vV] ; fragment W : [wW] ; fragment X : [xX] ;
fragment Y : [yY] ; fragment Z : [zZ] ;
