namespace Calculus.Verification.Sheet;

/// <summary>What a subject answered: a value, "not implemented", an error with its message, or nothing because it was not asked.</summary>
internal enum AnswerKind
{
    /// <summary>A value.</summary>
    Value,

    /// <summary>The function is not implemented (yet): its checks are not-implemented, not failures.</summary>
    NotImplemented,

    /// <summary>Any other error: a failed case, with the message shown.</summary>
    Error,

    /// <summary>Not asked: the transport refused the request because its function, or the run, failed too often
    /// before (the message says why). It says nothing about the case's input.</summary>
    NotAsked,
}

/// <summary>An answer of any value type.</summary>
internal interface IAnswer
{
    /// <summary>Value, not implemented, error, or not asked.</summary>
    AnswerKind Kind { get; }

    /// <summary>The value, when <see cref="Kind"/> is <see cref="AnswerKind.Value"/>.</summary>
    object? Value { get; }

    /// <summary>The message otherwise.</summary>
    string? Message { get; }
}

/// <summary>One answer of a subject.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Kind">Value, not implemented, or error.</param>
/// <param name="Value">The value, when <paramref name="Kind"/> is <see cref="AnswerKind.Value"/>.</param>
/// <param name="Message">The error message otherwise.</param>
internal sealed record Answer<T>(AnswerKind Kind, T? Value, string? Message) : IAnswer
{
    /// <inheritdoc/>
    object? IAnswer.Value => Value;

    /// <summary>The same non-value answer for another type.</summary>
    /// <typeparam name="TOther">The other type.</typeparam>
    /// <returns>The answer without its value.</returns>
    public Answer<TOther> Cast<TOther>() => Kind == AnswerKind.Value
        ? throw new InvalidOperationException("Only a non-value answer can be cast.")
        : new(Kind, default, Message);
}

/// <summary>Builds answers.</summary>
internal static class Answer
{
    /// <summary>The message of a not-implemented answer, as the protocol spells it.</summary>
    public const string NotImplementedMessage = "not implemented";

    /// <summary>A value.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The answer.</returns>
    public static Answer<T> Of<T>(T value) => new(AnswerKind.Value, value, null);

    /// <summary>"not implemented".</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <returns>The answer.</returns>
    public static Answer<T> NotImplemented<T>() => new(AnswerKind.NotImplemented, default, NotImplementedMessage);

    /// <summary>An error.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="message">What went wrong.</param>
    /// <returns>The answer.</returns>
    public static Answer<T> Error<T>(string message) => new(AnswerKind.Error, default, message);

    /// <summary>A request the transport did not send.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="reason">Why not.</param>
    /// <returns>The answer.</returns>
    public static Answer<T> NotAsked<T>(string reason) => new(AnswerKind.NotAsked, default, reason);
}
