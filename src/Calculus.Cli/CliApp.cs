using System.CommandLine;
using Calculus.Cli.Commands;
using Calculus.Cli.Common;
using Calculus.Networks;

namespace Calculus.Cli;

/// <summary>The <c>calculus</c> command line: report, list, eval, network, gradcheck, train, verify, grade, serve.</summary>
public static class CliApp
{
    /// <summary>Runs the command line with the library's gradient.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="input">Standard input.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>0 fine, 1 a check failed, 2 a usage or input error, 3 a fault of verify itself.</returns>
    /// <param name="interactive">Whether standard output is a terminal (progress lines are shown only then).</param>
    /// <param name="progressLines">Whether standard error is not a terminal: verify then writes one progress line per
    /// item there (for CI logs).</param>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error, bool interactive = false, bool progressLines = false) =>
        Run(args, new CliContext(input, output, error, (w, b, wo, x, y, a, l) => Network.Gradient(w, b, wo, x, y, a, l), interactive, ProgressLines: progressLines));

    /// <summary>System.CommandLine's type errors in the words of the rest of the command line: "Cannot parse argument
    /// '1e10' for option '--hidden' as expected type 'System.Int32'." becomes "--hidden: '1e10' is not a whole number
    /// in -2147483648 … 2147483647"; other messages pass unchanged.</summary>
    internal static string InPlainWords(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(
            message, @"^Cannot parse argument '(?<text>.*)' for (option|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.?");
        if (!m.Success)
        {
            return message;
        }

        string text = Numbers.Shorten(m.Groups["text"].Value);
        string what = m.Groups["type"].Value switch
        {
            "System.Int32" => $"a whole number in {int.MinValue} … {int.MaxValue}",
            "System.Double" => "a number",
            "System.Boolean" => "true or false",
            _ => "a value of this option",
        };
        return $"{m.Groups["name"].Value}: '{text}' is not {what}";
    }

    /// <summary>The command tree: every verb with its options.</summary>
    internal static RootCommand Commands(CliContext context) =>
        new("calculus: the calculus of exercise sheet 4, verified. Exit codes: 0 fine, 1 a check failed, 2 a usage or input error, 3 a fault of verify itself.")
        {
            ReportCommand.Create(context),
            ListCommand.Create(context),
            EvalCommand.Create(context),
            NetworkCommand.Create(context),
            GradcheckCommand.Create(context),
            TrainCommand.Create(context),
            VerifyCommand.Create(context),
            GradeCommand.Create(context),
            ServeCommand.Create(context),
        };

    /// <summary>An error message as the one line the exit-2 promise allows: line breaks inside it (a quoted input, an
    /// operating-system message) become spaces.</summary>
    internal static string OneLine(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message.Trim(), @"\s*[\r\n]+\s*", " ");

    internal static int Run(string[] args, CliContext context)
    {
        var root = Commands(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            string verbs = string.Join(", ", root.Subcommands.Select(c => c.Name));
            string message = parsed.CommandResult.Command == root
                ? parsed.UnmatchedTokens.Count > 0 ? $"unknown verb '{parsed.UnmatchedTokens[0]}'; verbs: {verbs}" : $"no verb given; verbs: {verbs}"
                : InPlainWords(parsed.Errors[0].Message);
            context.Error.WriteLine($"calculus: {OneLine(message)} (see calculus --help)");
            return ExitCodes.UsageError;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            context.Error.WriteLine($"calculus: {OneLine(e.Message)}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"calculus: {OneLine(e.Message)}");
            return ExitCodes.UsageError;
        }
    }
}
