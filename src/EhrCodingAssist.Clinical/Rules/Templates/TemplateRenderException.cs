namespace EhrCodingAssist.Clinical.Rules.Templates;

/// <summary>A template failed to render (a sandbox limit was hit or the template is wrong).</summary>
public sealed class TemplateRenderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TemplateRenderException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public TemplateRenderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TemplateRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception, marking whether a sandbox limit was hit.</summary>
    public TemplateRenderException(string message, Exception innerException, bool isLimit)
        : base(message, innerException) => IsLimit = isLimit;

    /// <summary>True when a sandbox limit (loop, recursion, size, regex or time budget) stopped the render.</summary>
    public bool IsLimit { get; }
}
