namespace EhrCodingAssist.Clinical.Terminology;

/// <summary>A code-set file that cannot be read; the message names the file and the line ("file:line: reason").</summary>
public sealed class CodeSetFormatException : Exception
{
    /// <summary>Creates the exception for a file and 1-based line (0 when the problem is not on one line).</summary>
    public CodeSetFormatException(string file, int line, string reason)
        : base($"{file}:{line}: {reason}")
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    public CodeSetFormatException()
        : this("(unknown)", 0, "invalid code set")
    {
    }

    public CodeSetFormatException(string message)
        : this("(unknown)", 0, message)
    {
    }

    public CodeSetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "(unknown)";
        Reason = message;
    }

    /// <summary>The file that failed.</summary>
    public string File { get; } = "(unknown)";

    /// <summary>1-based line number, 0 when not tied to a line.</summary>
    public int Line { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; } = string.Empty;
}
