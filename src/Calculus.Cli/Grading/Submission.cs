namespace Calculus.Cli.Grading;

/// <summary>One student's submission: a subfolder of the class's folder, named by the folder's name.</summary>
/// <param name="Name">The folder's name: the gradebook's row and the name of its report folder under <c>--out</c>.</param>
/// <param name="Folder">The folder's full path, which replaces <c>{}</c> in the command template.</param>
internal sealed record Submission(string Name, string Folder);
