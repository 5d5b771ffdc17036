using System.Diagnostics;
using EhrCodingAssist.Clinical.Rules;
using EhrCodingAssist.Clinical.Rules.Templates;
using EhrCodingAssist.Clinical.Tests.Rules.Support;
using Scriban.Runtime;

namespace EhrCodingAssist.Clinical.Tests.Rules.Templates;

public sealed class TemplateSandboxTests
{
    private static string Render(string source, ScriptObject? model = null, CancellationToken ct = default)
    {
        var template = RuleTemplate.Parse(source, out var error);
        Assert.Null(error);
        return template.Render(model ?? [], TemplateSandbox.Default, ct);
    }

    private static TemplateRenderException RenderFails(string source, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<TemplateRenderException>(() => Render(source));
        Assert.True(clock.Elapsed < within, $"render took {clock.Elapsed}");
        return e;
    }

    [Fact]
    public void Render_PlainData_Renders()
    {
        var model = new ScriptObject { ["values"] = new ScriptObject { ["peak"] = 1.4m }, ["indicators"] = new ScriptArray { new ScriptObject { ["summary"] = "Creatinine 1.4 mg/dL" } } };

        Assert.Equal("Peak 1.4: Creatinine 1.4 mg/dL;", Render("Peak {{ values.peak }}: {{ for i in indicators }}{{ i.summary }};{{ end }}", model));
    }

    [Fact]
    public void Render_TemplateWritingToBuiltins_FailsAndLaterRendersAreUnaffected()
    {
        Assert.Throws<TemplateRenderException>(() => Render("{{ string.upcase = 'hijacked' }}"));

        Assert.Equal("ABC", Render("{{ 'abc' | string.upcase }}"));
    }

    [Fact]
    public void Render_AssigningBuiltinName_StaysInThatRender()
    {
        Assert.Equal("5", Render("{{ date = 5 }}{{ date }}"));

        Assert.Equal("%d %b %Y", Render("{{ date.format }}"));
    }

    [Fact]
    public void Render_InfiniteLoop_StoppedByLoopLimit()
    {
        var e = RenderFails("{{ while true }}x{{ end }}", TimeSpan.FromSeconds(5));

        Assert.True(e.IsLimit);
    }

    [Fact]
    public void Render_DeepRecursion_StoppedByRecursionLimit()
    {
        var e = RenderFails("{{ func f(n)\n ret f(n + 1)\nend\nf 1 }}", TimeSpan.FromSeconds(5));

        Assert.True(e.IsLimit);
    }

    [Fact]
    public void Render_StringDoubling_StoppedBeforeExhaustingMemory()
    {
        var e = RenderFails("{{ s = 'xxxxxxxxxx'\nfor i in 1..40\n s = s + s\nend\ns }}", TimeSpan.FromSeconds(5));

        Assert.True(e.IsLimit);
    }

    [Fact]
    public void Render_HugeOutput_StoppedByOutputLimit()
    {
        var e = RenderFails("{{ for i in 1..900 }}{{ 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }}{{ end }}", TimeSpan.FromSeconds(5));

        Assert.True(e.IsLimit);
    }

    [Fact]
    public void Render_Include_FailsWithoutTemplateLoader()
    {
        var e = RenderFails("{{ include '/etc/passwd' }}", TimeSpan.FromSeconds(5));

        Assert.Contains("include", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_CatastrophicRegex_TimesOut()
    {
        var e = RenderFails("{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$' }}", TimeSpan.FromSeconds(5));

        Assert.True(e.IsLimit);
    }

    [Fact]
    public void Render_CancelledToken_Stops()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Render("{{ for i in 1..10 }}{{ i }}{{ end }}", ct: cts.Token));
    }

    [Fact]
    public void Load_HostileTemplateInRule_FailsTheLoadWithReason()
    {
        var yaml = TestPack.AkiRule.Replace("title_template: \"Creatinine rose to {{ values.peak }} mg/dL\"", "title_template: \"{{ while true }}x{{ end }}\"", StringComparison.Ordinal);
        using var pack = TestPack.WithRule("aki", yaml);

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Equal(16, e.Line);
        Assert.Contains("sandbox limits", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DotNetObjectInModel_MembersNotExposed()
    {
        // Only plain data is ever put in the model; a .NET object slipped in exposes no members.
        var model = new ScriptObject { ["o"] = new Uri("https://example.org/secret") };

        Assert.Equal("[]", Render("[{{ o.host }}]", model));
    }
}
