namespace EhrCodingAssist.Smart.Config;

/// <summary>A smart-config file is invalid; the message names the file and the field.</summary>
public sealed class SmartConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SmartConfigException(string file, string field, string reason, Exception? inner = null)
        : base($"{file}: {field}: {reason}", inner)
    {
        File = file;
        Field = field;
        Reason = reason;
    }

    /// <summary>The offending file.</summary>
    public string File { get; }

    /// <summary>The offending field (JSON name).</summary>
    public string Field { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
