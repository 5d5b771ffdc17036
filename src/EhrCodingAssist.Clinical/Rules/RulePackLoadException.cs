namespace EhrCodingAssist.Clinical.Rules;

/// <summary>A rule pack could not be loaded; names the file and line of the first problem.</summary>
public sealed class RulePackLoadException : Exception
{
    /// <summary>Creates the exception; Message is "file:line: reason".</summary>
    public RulePackLoadException(string file, int line, string reason, Exception? inner = null)
        : base($"{file}:{line}: {reason}", inner)
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>Creates an exception without location.</summary>
    public RulePackLoadException()
        : this("?", 0, "rule pack could not be loaded")
    {
    }

    /// <summary>Creates an exception without location.</summary>
    public RulePackLoadException(string message)
        : this("?", 0, message)
    {
    }

    /// <summary>Creates an exception without location.</summary>
    public RulePackLoadException(string message, Exception innerException)
        : this("?", 0, message, innerException)
    {
    }

    /// <summary>Path of the file at fault (relative to the pack folder when inside it).</summary>
    public string File { get; }

    /// <summary>1-based line (0 when the file itself is missing or unreadable).</summary>
    public int Line { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
