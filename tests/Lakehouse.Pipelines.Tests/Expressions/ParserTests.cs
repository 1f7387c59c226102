using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Expressions.Syntax;

namespace Lakehouse.Pipelines.Tests.Expressions;

public class ParserTests
{
    private static string P(string text) => Parser.Parse(text).ToString();

    [Theory]
    [InlineData("a + b * c", "(`a` + (`b` * `c`))")]
    [InlineData("a * b + c", "((`a` * `b`) + `c`)")]
    [InlineData("a - b - c", "((`a` - `b`) - `c`)")]
    [InlineData("a / b / c", "((`a` / `b`) / `c`)")]
    [InlineData("a % b * c", "((`a` % `b`) * `c`)")]
    [InlineData("(a + b) * c", "((`a` + `b`) * `c`)")]
    [InlineData("-a * b", "((- `a`) * `b`)")]
    [InlineData("- - a", "(- (- `a`))")]
    [InlineData("a = 1 AND b = 2 OR c = 3", "(((`a` = 1) AND (`b` = 2)) OR (`c` = 3))")]
    [InlineData("a OR b AND c", "(`a` OR (`b` AND `c`))")]
    [InlineData("NOT a AND b", "((NOT `a`) AND `b`)")]
    [InlineData("NOT a = b", "(NOT (`a` = `b`))")]
    [InlineData("a + 1 > b * 2", "((`a` + 1) > (`b` * 2))")]
    [InlineData("a || b || c", "((`a` || `b`) || `c`)")]
    [InlineData("a AND b AND c", "((`a` AND `b`) AND `c`)")]
    public void Parse_OperatorPrecedenceAndAssociativity_FollowsSpark(string text, string expected) => Assert.Equal(expected, P(text));

    [Theory]
    [InlineData("a == 1", "(`a` = 1)")]
    [InlineData("a <> 1", "(`a` != 1)")]
    [InlineData("a != 1", "(`a` != 1)")]
    [InlineData("a <=> NULL", "(`a` <=> NULL)")]
    [InlineData("a <= 1", "(`a` <= 1)")]
    [InlineData("a >= 1", "(`a` >= 1)")]
    [InlineData("a IS NULL", "(`a` IS NULL)")]
    [InlineData("a is not null", "(`a` IS NOT NULL)")]
    [InlineData("a IN (1, 2, 3)", "(`a` IN (1, 2, 3))")]
    [InlineData("a NOT IN ('x')", "(`a` NOT IN ('x'))")]
    [InlineData("a BETWEEN 1 AND 5 AND b", "((`a` BETWEEN 1 AND 5) AND `b`)")]
    [InlineData("a NOT BETWEEN b + 1 AND 5", "(`a` NOT BETWEEN (`b` + 1) AND 5)")]
    [InlineData("a LIKE 'x%'", "(`a` LIKE 'x%')")]
    [InlineData("a NOT LIKE 'x!%' ESCAPE '!'", "(`a` NOT LIKE 'x!%' ESCAPE '!')")]
    [InlineData("a RLIKE '^x'", "rlike(`a`, '^x')")]
    [InlineData("CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END", "(CASE WHEN `a` THEN 1 WHEN `b` THEN 2 ELSE 3 END)")]
    [InlineData("case x when 1 then 'a' end", "(CASE `x` WHEN 1 THEN 'a' END)")]
    [InlineData("CAST(a AS decimal(10, 2))", "CAST(`a` AS decimal(10,2))")]
    [InlineData("try_cast(a AS INT)", "TRY_CAST(`a` AS INT)")]
    [InlineData("COALESCE(a, b, 0)", "coalesce(`a`, `b`, 0)")]
    [InlineData("count(*)", "count(*)")]
    [InlineData("count(DISTINCT a)", "count(DISTINCT `a`)")]
    [InlineData("current_date()", "current_date()")]
    [InlineData("`my col` + 1", "(`my col` + 1)")]
    [InlineData("`we``ird`", "`we`ird`")]
    [InlineData("address.city", "`address`.`city`")]
    [InlineData("'it''s'", "'it''s'")]
    [InlineData("DATE '2026-01-01'", "DATE '2026-01-01'")]
    [InlineData("TIMESTAMP '2026-01-01 10:00:00'", "TIMESTAMP '2026-01-01 10:00:00'")]
    [InlineData("TRUE AND false", "(TRUE AND FALSE)")]
    [InlineData("1.25 + 1.5e3 + 10L + .5", "(((1.25 + 1.5e3) + 10L) + .5)")]
    public void Parse_EveryConstruct_ProducesTheExpectedTree(string text, string expected) => Assert.Equal(expected, P(text));

    [Fact]
    public void Parse_Literals_KeepTheirKinds()
    {
        Assert.Equal(LiteralKind.Integer, ((LiteralSyntax)Parser.Parse("42")).Kind);
        Assert.Equal(LiteralKind.Decimal, ((LiteralSyntax)Parser.Parse("1.25")).Kind);
        Assert.Equal(LiteralKind.Double, ((LiteralSyntax)Parser.Parse("1.5e3")).Kind);
        Assert.Equal(LiteralKind.Double, ((LiteralSyntax)Parser.Parse("2D")).Kind);
        Assert.Equal(LiteralKind.Decimal, ((LiteralSyntax)Parser.Parse("2BD")).Kind);
        Assert.Equal("it's", ((LiteralSyntax)Parser.Parse("'it''s'")).Text);
    }

    [Fact]
    public void Parse_Nodes_RecordOffsets()
    {
        var node = (BinarySyntax)Parser.Parse("amount   >  100");
        Assert.Equal(0, node.Offset);
        Assert.Equal(9, node.OperatorOffset);
        Assert.Equal(12, node.Right.Offset);
    }

    [Theory]
    [InlineData("lower(a, b", 10, "expected ')' after the arguments of lower but found end of expression")]
    [InlineData("a +", 3, "expected an expression but found end of expression")]
    [InlineData("a + * b", 4, "expected an expression but found '*'")]
    [InlineData("(a + b", 6, "expected ')' to close the parenthesis")]
    [InlineData("a b", 2, "expected an operator or end of expression but found 'b'")]
    [InlineData("'abc", 0, "unterminated string literal")]
    [InlineData("a # b", 2, "unexpected character '#'")]
    [InlineData("CASE WHEN a THEN 1", 18, "expected WHEN, ELSE or END in CASE")]
    [InlineData("CAST(a INT)", 7, "expected AS after the value in CAST")]
    [InlineData("a IS 5", 5, "expected NULL after IS")]
    [InlineData("a BETWEEN 1 OR 2", 12, "expected AND between the bounds of BETWEEN")]
    [InlineData("a IN 1", 5, "expected '(' after IN")]
    [InlineData("", 0, "the text is empty")]
    [InlineData("a AND AND b", 6, "found keyword AND")]
    public void Parse_InvalidText_ReportsPositionAndExpectation(string text, int offset, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => Parser.Parse(text));
        Assert.Equal(offset, error.Offset);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"column {offset + 1}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithOrigin_ReportsFileLineAndColumn()
    {
        var error = Assert.Throws<ExpressionException>(() => Parser.Parse("lower(status", new ExpressionOrigin("pipeline.yaml", 14, 12)));
        Assert.StartsWith("pipeline.yaml:14:24: expected ')'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MultiLineText_CountsLinesFromTheOrigin()
    {
        var error = Assert.Throws<ExpressionException>(() => Parser.Parse("a = 1\nAND b ==", new ExpressionOrigin("p.yaml", 3, 7)));
        Assert.StartsWith("p.yaml:4:9:", error.Message, StringComparison.Ordinal);
    }
}
