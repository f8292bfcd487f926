namespace Calculus.Cli.Common;

/// <summary>A usage or input error: the command prints its message as one line on standard error and exits 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
