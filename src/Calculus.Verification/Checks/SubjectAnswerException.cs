using Calculus.Verification.Sheet;

namespace Calculus.Verification.Checks;

/// <summary>Thrown inside a case when the subject answers "not implemented" or an error: the runner turns it into the
/// case's outcome, so that checks read like straight-line code.</summary>
internal sealed class SubjectAnswerException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Not implemented or error.</param>
    /// <param name="message">The subject's message.</param>
    public SubjectAnswerException(AnswerKind kind, string message)
        : base(message) => Kind = kind;

    /// <summary>Creates the exception (for serializers; prefer the other constructor).</summary>
    public SubjectAnswerException()
        : this(AnswerKind.Error, "the subject failed")
    {
    }

    /// <summary>Creates the exception (for serializers; prefer the other constructor).</summary>
    /// <param name="message">The message.</param>
    public SubjectAnswerException(string message)
        : this(AnswerKind.Error, message)
    {
    }

    /// <summary>Creates the exception (for serializers; prefer the other constructor).</summary>
    /// <param name="message">The message.</param>
    /// <param name="inner">The cause.</param>
    public SubjectAnswerException(string message, Exception inner)
        : base(message, inner) => Kind = AnswerKind.Error;

    /// <summary>Not implemented, or an error.</summary>
    public AnswerKind Kind { get; }
}
