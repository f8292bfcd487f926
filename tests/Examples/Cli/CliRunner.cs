using Calculus.Cli;

namespace Calculus.Examples.Cli;

/// <summary>Runs <c>calculus</c> in-process with captured standard streams.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }

    public static Result Run(string stdin, params string[] args) => Run(stdin, null, args);

    public static Result Run(string stdin, GradientFunction? gradient, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(stdin), output, error,
            gradient ?? ((w, b, wo, x, y, a, l) => Network.Gradient(w, b, wo, x, y, a, l)));
        int code = CliApp.Run(args, context);
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>A usage error: exit 2, exactly one line on standard error, no stack trace, nothing on standard output.</summary>
    public static string AssertUsageError(Result r)
    {
        Assert.Equal(2, r.ExitCode);
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Assert.StartsWith("calculus: ", lines[0], StringComparison.Ordinal);
        return lines[0];
    }
}
