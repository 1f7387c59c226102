namespace Lakehouse.Lambda.Tests.Deployment;

public sealed class TemplateLintTests
{
    [Fact]
    public async Task CfnLint_Template_ReportsNoErrorsOrWarnings()
    {
        var (exitCode, output) = await CfnLint.RunAsync(SamTemplate.FilePath);

        // cfn-lint exit codes are a bit mask: 2 errors, 4 warnings, 8 informational.
        Assert.True(exitCode == 0, $"cfn-lint exited with {exitCode}:\n{output}");
    }

    [Fact]
    public async Task CfnLint_CanFail_OnABrokenTemplate()
    {
        using var temp = new Lakehouse.Testing.IO.TempDirectory("cfnlint");
        var broken = temp.Combine("broken.yaml");
        await File.WriteAllTextAsync(broken, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: SOMETIMES
            """);

        var (exitCode, output) = await CfnLint.RunAsync(broken);

        Assert.NotEqual(0, exitCode & 2);
        Assert.Contains("KeySchema", output, StringComparison.Ordinal);
    }
}
