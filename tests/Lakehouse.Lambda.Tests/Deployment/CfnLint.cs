using System.Diagnostics;
using Lakehouse.Testing;

namespace Lakehouse.Lambda.Tests.Deployment;

/// <summary>Runs the preinstalled cfn-lint (with the SAM transform) on a template.</summary>
internal static class CfnLint
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string templatePath)
    {
        var psi = new ProcessStartInfo(Find())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        psi.ArgumentList.Add(templatePath);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static string Find()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv", "shims"))
            .Select(dir => Path.Combine(dir, "cfn-lint"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("cfn-lint is not on PATH (nor in ~/.pyenv/shims). Install it (pip install cfn-lint); the template check cannot be skipped.");
    }
}
