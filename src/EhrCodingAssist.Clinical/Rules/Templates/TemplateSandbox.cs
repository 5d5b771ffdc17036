using Scriban;
using Scriban.Runtime;

namespace EhrCodingAssist.Clinical.Rules.Templates;

/// <summary>
/// Limits applied to every template render. Scriban is not a process sandbox, so the engine bounds what a template
/// can do: no template loader (include fails), loop/recursion/string/output limits, a regex timeout and a
/// cancellation token; the model is plain data (ScriptObjects of strings, numbers, booleans and lists).
/// </summary>
public sealed record TemplateSandbox
{
    /// <summary>Default limits.</summary>
    public static TemplateSandbox Default { get; } = new();

    /// <summary>Maximum iterations of one loop. Defaults to 1,000.</summary>
    public int LoopLimit { get; init; } = 1000;

    /// <summary>Maximum call depth. Defaults to 20.</summary>
    public int RecursiveLimit { get; init; } = 20;

    /// <summary>Maximum length of a string produced by a conversion. Defaults to 10,000.</summary>
    public int LimitToString { get; init; } = 10_000;

    /// <summary>Maximum output length in characters. Defaults to 20,000.</summary>
    public int OutputLimit { get; init; } = 20_000;

    /// <summary>Timeout of each regex function call. Defaults to 100 ms.</summary>
    public TimeSpan RegexTimeOut { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Wall-clock budget of one render. Defaults to 1 s.</summary>
    public TimeSpan RenderTimeout { get; init; } = TimeSpan.FromSeconds(1);

    // Scriban's built-in functions (string, math, date …) cost ~30–50 µs to build per context: they are built once,
    // frozen (read-only, so a template cannot change what the next render sees) and shared by every render.
    private static readonly Lazy<ScriptObject> Builtins = new(() =>
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        Freeze(builtins, 0);
        return builtins;
    });

    private static void Freeze(ScriptObject obj, int depth)
    {
        if (depth < 8)
        {
            foreach (var child in obj.Values.OfType<ScriptObject>())
            {
                Freeze(child, depth + 1);
            }
        }

        obj.IsReadOnly = true;
    }

    internal TemplateContext CreateContext(ScriptObject model, CancellationToken ct)
    {
        var context = new TemplateContext(Builtins.Value)
        {
            TemplateLoader = null,
            LoopLimit = LoopLimit,
            LoopLimitQueryable = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            LimitToString = LimitToString,
            OutputLimit = OutputLimit,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            ObjectRecursionLimit = 20,
            RegexTimeOut = RegexTimeOut,
            CancellationToken = ct,
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
            MemberRenamer = static member => member.Name,
            MemberFilter = static _ => false,
        };
        context.PushGlobal(model);
        return context;
    }
}
