using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace EhrCodingAssist.Clinical.Rules.Templates;

/// <summary>A Scriban template parsed once at load and rendered in the <see cref="TemplateSandbox"/>.</summary>
public sealed class RuleTemplate
{
    private readonly Template _template;

    private RuleTemplate(Template template, string source)
    {
        _template = template;
        Source = source;
    }

    /// <summary>The template text.</summary>
    public string Source { get; }

    /// <summary>Parses <paramref name="source"/>; a syntax error gives (line offset within the text, message).</summary>
    public static RuleTemplate Parse(string source, out (int Line, string Message)? error)
    {
        var template = Template.Parse(source, lexerOptions: new LexerOptions { Lang = ScriptLang.Default, Mode = ScriptMode.Default });
        error = null;
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
            error = (first.Span.Start.Line, first.Message);
        }

        return new RuleTemplate(template, source);
    }

    /// <summary>True when the template reads the global variable <paramref name="name"/> anywhere.</summary>
    public bool Uses(string name) => Walk(_template.Page).OfType<ScriptVariableGlobal>().Any(v => v.Name == name);

    /// <summary>Renders with the sandbox limits; throws <see cref="TemplateRenderException"/> when a limit or the template fails.</summary>
    public string Render(ScriptObject model, TemplateSandbox sandbox, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(sandbox.RenderTimeout);
        var context = sandbox.CreateContext(model, budget.Token);
        try
        {
            return _template.Render(context);
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is OperationCanceledException or ScriptRuntimeException)
        {
            throw new OperationCanceledException("template render cancelled", e, ct);
        }
        catch (Exception e) when (budget.IsCancellationRequested && e is OperationCanceledException or ScriptRuntimeException)
        {
            throw new TemplateRenderException("template exceeded its time budget", e, isLimit: true);
        }
        catch (ScriptRuntimeException e)
        {
            var message = e.OriginalMessage ?? e.Message;
            throw new TemplateRenderException(message, e, IsLimitMessage(message) || e.InnerException is System.Text.RegularExpressions.RegexMatchTimeoutException);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException e)
        {
            throw new TemplateRenderException("regular expression timed out", e, isLimit: true);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or OverflowException or FormatException or InsufficientExecutionStackException)
        {
            throw new TemplateRenderException(e.Message, e, e is InsufficientExecutionStackException);
        }
    }

    private static bool IsLimitMessage(string message) =>
        message.Contains("limit", StringComparison.OrdinalIgnoreCase) || message.Contains("timeout", StringComparison.OrdinalIgnoreCase)
        || message.Contains("timed out", StringComparison.OrdinalIgnoreCase) || message.Contains("cancel", StringComparison.OrdinalIgnoreCase)
        || message.Contains("include", StringComparison.OrdinalIgnoreCase) || message.Contains("loader", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<ScriptNode> Walk(ScriptNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        for (var i = 0; i < node.ChildrenCount; i++)
        {
            foreach (var child in Walk(node.GetChildren(i)))
            {
                yield return child;
            }
        }
    }
}
