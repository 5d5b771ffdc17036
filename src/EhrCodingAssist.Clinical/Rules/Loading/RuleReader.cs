using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.QueryCompliance;
using EhrCodingAssist.Clinical.Rules.Templates;
using EhrCodingAssist.Clinical.Rules.Yaml;
using EhrCodingAssist.Clinical.Terminology;
using YamlDotNet.RepresentationModel;

namespace EhrCodingAssist.Clinical.Rules.Loading;

/// <summary>Reads and compiles one rule file; throws <see cref="RulePackLoadException"/> at the first problem.</summary>
internal sealed class RuleReader
{
    private static readonly string[] Keys =
    [
        "id", "version", "title", "kind", "topic", "source", "criteria", "when", "unless", "values", "evidence",
        "title_template", "query_template", "text_template", "options", "codes", "impact", "tests",
    ];

    private readonly ExpressionCompiler _expressions;
    private readonly ICodeSet _codeSet;
    private readonly PackManifest _manifest;

    public RuleReader(ExpressionCompiler expressions, ICodeSet codeSet, PackManifest manifest)
    {
        _expressions = expressions;
        _codeSet = codeSet;
        _manifest = manifest;
    }

    public Rule Read(string path, string displayPath)
    {
        var doc = YamlDoc.Load(path, displayPath);
        var map = doc.Root;
        doc.OnlyKeys(map, Keys);

        var id = doc.Required(map, "id");
        var fileId = Path.GetFileNameWithoutExtension(path);
        if (!string.Equals(id, fileId, StringComparison.Ordinal))
        {
            throw doc.Error(YamlDoc.Get(map, "id")!, $"rule id '{id}' must match the file name '{fileId}'");
        }

        var kind = doc.Required(map, "kind") switch
        {
            "query" => FindingKind.Query,
            "suggestion" => FindingKind.Suggestion,
            "edit" => FindingKind.Edit,
            var other => throw doc.Error(YamlDoc.Get(map, "kind")!, $"kind '{other}' must be query, suggestion or edit"),
        };

        var criteria = doc.Optional(map, "criteria");
        if (criteria is not null && !_manifest.CriteriaSets.Contains(criteria, StringComparer.Ordinal))
        {
            throw doc.Error(YamlDoc.Get(map, "criteria")!, $"criteria set '{criteria}' is not offered by pack.yaml ({string.Join(", ", _manifest.CriteriaSets)})");
        }

        var when = Named(doc, map, "when", required: true);
        var options = kind == FindingKind.Query ? Options(doc, map) : NoOptions(doc, map);
        var titleNode = YamlDoc.Get(map, "title_template") ?? throw doc.Error(map, "missing required key 'title_template'");
        var textKey = kind == FindingKind.Query ? "query_template" : "text_template";
        var textNode = YamlDoc.Get(map, textKey);
        if (kind == FindingKind.Query && textNode is null)
        {
            throw doc.Error(map, "a query rule needs 'query_template'");
        }

        if (kind != FindingKind.Query && YamlDoc.Get(map, "query_template") is { } misplaced)
        {
            throw doc.Error(misplaced, "only query rules have 'query_template' (use 'text_template')");
        }

        var title = Template(doc, titleNode, "title_template");
        var text = textNode is null ? null : Template(doc, textNode, textKey);
        var rule = new Rule
        {
            Id = id,
            Version = doc.Required(map, "version"),
            Title = doc.Required(map, "title"),
            Kind = kind,
            Topic = doc.Required(map, "topic"),
            Source = doc.Required(map, "source"),
            Criteria = criteria,
            File = displayPath,
            When = when,
            Unless = Named(doc, map, "unless", required: false),
            Values = Named(doc, map, "values", required: false),
            Evidence = Evidence(doc, map),
            Options = options,
            Codes = Codes(doc, map, kind),
            Impact = Impact(doc, map),
            Tests = Tests(doc, map, Path.GetDirectoryName(path)!),
            TitleTemplate = title,
            TextTemplate = text,
        };

        if (kind == FindingKind.Query)
        {
            Lint(doc, map, rule, titleNode, textNode!);
        }

        TrialRender(doc, rule, titleNode, textNode);
        return rule;
    }

    // The query compliance lint (QueryCompliance/QueryLint): every violation is named in the one load error, at the
    // first offending node.
    private static void Lint(YamlDoc doc, YamlMappingNode map, Rule rule, YamlNode titleNode, YamlNode textNode)
    {
        var options = QueryLint.CheckOptions(rule.Options);
        if (options.Count > 0)
        {
            throw doc.Error(YamlDoc.KeyNode(map, "options"), string.Join("; ", options.Select(v => v.Why)));
        }

        if (!rule.TextTemplate!.Uses("indicators"))
        {
            throw doc.Error(textNode, "the query text must cite the clinical indicators (use 'indicators' in query_template)");
        }

        (YamlNode Node, string Field, string Text)[] fields =
            [(YamlDoc.Get(map, "title")!, "title", rule.Title), (titleNode, "title_template", rule.TitleTemplate.Source), (textNode, "query_template", rule.TextTemplate.Source)];
        var found = fields.Select(f => (f.Node, Violations: QueryLint.CheckText(f.Text, f.Field))).Where(f => f.Violations.Count > 0).ToList();
        if (found.Count > 0)
        {
            var result = new QueryLintResult([.. found.SelectMany(f => f.Violations)]);
            throw doc.Error(found[0].Node, "query compliance lint: " + result.Message);
        }
    }

    // The loop, recursion, size and regex limits bound the work of a load-time render; its wall-clock budget only
    // guards against a hang, so it is generous: a busy machine (parallel pack load, CI) must not fail a sound pack.
    private static readonly TemplateSandbox LoadCheckSandbox = TemplateSandbox.Default with { RenderTimeout = TimeSpan.FromSeconds(15) };

    // A sandbox limit hit with sample data (endless loop, runaway recursion, catastrophic regex) fails the load.
    private static void TrialRender(YamlDoc doc, Rule rule, YamlNode titleNode, YamlNode? textNode)
    {
        var model = TemplateModel.Sample(rule);
        foreach (var (node, template) in new[] { (titleNode, rule.TitleTemplate), (textNode, rule.TextTemplate) })
        {
            if (template is null)
            {
                continue;
            }

            try
            {
                template.Render(model, LoadCheckSandbox, CancellationToken.None);
            }
            catch (TemplateRenderException e) when (e.IsLimit)
            {
                throw doc.Error(node!, "template exceeds the sandbox limits: " + e.Message);
            }
            catch (TemplateRenderException)
            {
                // Other errors may come from the sample data only; the real render reports them per finding.
            }
        }
    }

    private List<RuleExpression> Named(YamlDoc doc, YamlMappingNode map, string key, bool required)
    {
        var node = YamlDoc.Get(map, key);
        if (node is null)
        {
            return required ? throw doc.Error(map, $"missing required key '{key}'") : [];
        }

        var list = new List<RuleExpression>();
        switch (node)
        {
            case YamlMappingNode named:
                foreach (var (k, v) in named.Children)
                {
                    list.Add(_expressions.Compile(doc, v, doc.Scalar(k, key)));
                }

                break;
            case YamlScalarNode single:
                list.Add(_expressions.Compile(doc, single, key));
                break;
            default:
                throw doc.Error(node, $"'{key}' must be a mapping of name: expression");
        }

        return list.Count == 0 && required ? throw doc.Error(node, $"'{key}' needs at least one expression") : list;
    }

    private List<EvidenceSelector> Evidence(YamlDoc doc, YamlMappingNode map)
    {
        if (YamlDoc.Get(map, "evidence") is not { } node)
        {
            return [];
        }

        return doc.Sequence(node, "evidence").Children.Select(item =>
        {
            var m = doc.Mapping(item, "evidence item");
            doc.OnlyKeys(m, "label", "select", "limit");
            var select = YamlDoc.Get(m, "select") ?? throw doc.Error(m, "evidence item needs 'select'");
            int? limit = EvidenceSelector.DefaultLimit;
            if (YamlDoc.Get(m, "limit") is { } limitNode)
            {
                limit = doc.Scalar(limitNode, "limit") == "all" ? null
                    : int.TryParse(doc.Scalar(limitNode, "limit"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000 ? n
                    : throw doc.Error(limitNode, "'limit' must be a whole number from 1 to 1000, or 'all'");
            }

            return new EvidenceSelector(doc.Required(m, "label"), _expressions.Compile(doc, select, "evidence " + doc.Required(m, "label")), limit);
        }).ToList();
    }

    private static RuleTemplate Template(YamlDoc doc, YamlNode node, string key)
    {
        var source = doc.Scalar(node, key);
        var template = RuleTemplate.Parse(source, out var error);
        if (error is { } e)
        {
            throw new RulePackLoadException(doc.File, YamlDoc.ContentLine(node) + e.Line, $"{key}: {e.Message}");
        }

        return template;
    }

    private List<QueryOption> Options(YamlDoc doc, YamlMappingNode map)
    {
        var node = YamlDoc.Get(map, "options") ?? throw doc.Error(map, "a query rule needs 'options'");
        var options = new List<QueryOption>();
        foreach (var item in doc.Sequence(node, "options").Children)
        {
            switch (item)
            {
                case YamlScalarNode { Value: QueryOption.Other }:
                    options.Add(new QueryOption(QueryOption.Other, "Other (please specify)", null));
                    break;
                case YamlScalarNode { Value: QueryOption.ClinicallyUndetermined }:
                    options.Add(new QueryOption(QueryOption.ClinicallyUndetermined, "Clinically undetermined", null));
                    break;
                case YamlScalarNode s:
                    throw doc.Error(s, $"option '{s.Value}' must be 'other', 'clinically-undetermined' or a mapping with 'code'");
                case YamlMappingNode m:
                    doc.OnlyKeys(m, "code", "label");
                    var code = Code(doc, m, billable: true, "option");
                    options.Add(new QueryOption(code.Code, doc.Optional(m, "label") ?? code.Display ?? code.Code, code));
                    break;
                default:
                    throw doc.Error(item, "an option must be a code mapping, 'other' or 'clinically-undetermined'");
            }
        }

        return options;
    }

    private static List<QueryOption> NoOptions(YamlDoc doc, YamlMappingNode map) =>
        YamlDoc.Get(map, "options") is { } node ? throw doc.Error(node, "only query rules have 'options'") : [];

    private List<RuleCode> Codes(YamlDoc doc, YamlMappingNode map, FindingKind kind)
    {
        if (YamlDoc.Get(map, "codes") is not { } node)
        {
            return [];
        }

        if (kind == FindingKind.Query)
        {
            throw doc.Error(node, "a query rule's codes are its options; 'codes' is for suggestions and edits");
        }

        var codes = new List<RuleCode>();
        foreach (var item in doc.Sequence(node, "codes").Children)
        {
            if (item is YamlScalarNode)
            {
                codes.Add(new RuleCode(Lookup(doc, item, doc.Scalar(item, "code"), kind == FindingKind.Suggestion, "suggested"), null));
                continue;
            }

            var m = doc.Mapping(item, "code");
            doc.OnlyKeys(m, "code", "when");
            var code = Code(doc, m, billable: kind == FindingKind.Suggestion, "suggested");
            var when = YamlDoc.Get(m, "when") is { } w ? _expressions.Compile(doc, w, "when of " + code.Code) : null;
            codes.Add(new RuleCode(code, when));
        }

        return codes;
    }

    private CodeRef Code(YamlDoc doc, YamlMappingNode m, bool billable, string role)
    {
        var node = YamlDoc.Get(m, "code") ?? throw doc.Error(m, "missing 'code'");
        return Lookup(doc, node, doc.Scalar(node, "code"), billable, role);
    }

    private CodeRef Lookup(YamlDoc doc, YamlNode node, string code, bool billable, string role)
    {
        var found = _codeSet.Find(code) ?? throw doc.Error(node, $"code {code} is not in the active code set ({_codeSet.Version})");
        if (billable && !found.Billable)
        {
            throw doc.Error(node, $"{role} code {found.Code} is a header, not billable; use a billable child code");
        }

        return new CodeRef(CodeRef.Icd10Cm, found.Code, found.LongTitle);
    }

    private static FinancialImpact? Impact(YamlDoc doc, YamlMappingNode map)
    {
        if (YamlDoc.Get(map, "impact") is not { } node)
        {
            return null;
        }

        var m = doc.Mapping(node, "impact");
        doc.OnlyKeys(m, "severity", "hcc");
        var severity = doc.Optional(m, "severity");
        if (severity is not (null or "CC" or "MCC"))
        {
            throw doc.Error(YamlDoc.Get(m, "severity")!, "severity must be CC or MCC");
        }

        return new FinancialImpact(severity, doc.Optional(m, "hcc"));
    }

    private static List<RuleTestCase> Tests(YamlDoc doc, YamlMappingNode map, string folder)
    {
        if (YamlDoc.Get(map, "tests") is not { } node)
        {
            return [];
        }

        var cases = new List<RuleTestCase>();
        foreach (var item in doc.Sequence(node, "tests").Children)
        {
            var m = doc.Mapping(item, "test");
            doc.OnlyKeys(m, "case", "expect", "codes", "criteria");
            var file = doc.Required(m, "case");
            var full = Path.GetFullPath(Path.Combine(folder, file));
            if (!File.Exists(full))
            {
                throw doc.Error(YamlDoc.Get(m, "case")!, $"test case file '{file}' not found beside the rule");
            }

            var expect = doc.Required(m, "expect") switch
            {
                "fires" => true,
                "silent" => false,
                var other => throw doc.Error(YamlDoc.Get(m, "expect")!, $"expect '{other}' must be fires or silent"),
            };
            var criteria = YamlDoc.Get(m, "criteria") is null ? null : doc.Strings(m, "criteria");
            cases.Add(new RuleTestCase(file, expect, doc.Strings(m, "codes"), full, criteria));
        }

        return cases;
    }
}
