using System.Text.RegularExpressions;
using Calculus.Cli.Common;

namespace Calculus.Cli.Grading;

/// <summary>The submissions of a class's folder, and the command that runs one.</summary>
internal static partial class SubmissionFolders
{
    /// <summary>The placeholder of the submission's folder in <c>--exec</c>.</summary>
    public const string Placeholder = "{}";

    /// <summary>Every subfolder of <paramref name="folder"/> in ordinal order of its name, except hidden ones (a name
    /// beginning with '.') and the output folder when it lies inside.</summary>
    /// <param name="folder">The class's folder.</param>
    /// <param name="outDir">The output folder (<c>--out</c>).</param>
    /// <returns>The submissions.</returns>
    /// <exception cref="UsageException">The folder does not exist or holds no submission.</exception>
    public static IReadOnlyList<Submission> Find(string folder, string outDir)
    {
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"SUBMISSIONS: '{folder}' is not a folder");
        }

        string output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        var found = Directory.EnumerateDirectories(folder)
            .Select(d => new Submission(Path.GetFileName(d), Path.GetFullPath(d)))
            .Where(s => !s.Name.StartsWith('.') && !string.Equals(Path.TrimEndingDirectorySeparator(s.Folder), output, StringComparison.Ordinal))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        return found.Count > 0 ? found : throw new UsageException($"SUBMISSIONS: '{folder}' holds no submission folder");
    }

    /// <summary>The command of one submission: the template with every <c>{}</c> replaced by the folder's path, quoted
    /// for /bin/sh when it holds anything but letters, digits and <c>/._-+,:@%=</c> (in single quotes, a single quote
    /// written as <c>'\''</c>).</summary>
    /// <param name="template">The command template.</param>
    /// <param name="folder">The submission's folder.</param>
    /// <returns>The command.</returns>
    public static string Command(string template, string folder) =>
        template.Replace(Placeholder, Plain().IsMatch(folder) ? folder : $"'{folder.Replace("'", @"'\''", StringComparison.Ordinal)}'", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9/._\-+,:@%=]+$")]
    private static partial Regex Plain();
}
