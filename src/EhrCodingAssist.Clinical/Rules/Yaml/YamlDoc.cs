using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EhrCodingAssist.Clinical.Rules.Yaml;

/// <summary>A parsed YAML file with typed accessors that fail with <see cref="RulePackLoadException"/> at the node's line.</summary>
internal sealed class YamlDoc
{
    private YamlDoc(string displayPath, YamlMappingNode root)
    {
        File = displayPath;
        Root = root;
    }

    public string File { get; }

    public YamlMappingNode Root { get; }

    public static YamlDoc Load(string path, string displayPath)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RulePackLoadException(displayPath, 0, "cannot read file: " + e.Message, e);
        }

        var stream = new YamlStream();
        using var reader = new StringReader(text);
        var parser = new Parser(reader);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new RulePackLoadException(displayPath, Math.Max(1, (int)e.Start.Line), "invalid YAML: " + e.Message, e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or InvalidCastException)
        {
            // YamlDotNet's representation model fails on some malformed input (e.g. "when: [unclosed" followed by a
            // mapping) with a bare InvalidOperationException: report it at the parser's last position.
            var line = Math.Max(1, (int)(parser.Current?.Start.Line ?? 1));
            throw new RulePackLoadException(displayPath, line, "invalid YAML: the document structure is malformed (unclosed bracket or brace?)", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var line = stream.Documents.Count == 0 ? 1 : (int)stream.Documents[0].RootNode.Start.Line;
            throw new RulePackLoadException(displayPath, line, "expected a mapping at the top level");
        }

        return new YamlDoc(displayPath, root);
    }

    public RulePackLoadException Error(YamlNode node, string reason) => new(File, Line(node), reason);

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public void OnlyKeys(YamlMappingNode map, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, $"unknown key '{name}' (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlNode KeyNode(YamlMappingNode map, string key) =>
        map.Children.Keys.First(k => (k as YamlScalarNode)?.Value == key);

    public string Required(YamlMappingNode map, string key)
    {
        var node = Get(map, key) ?? throw Error(map, $"missing required key '{key}'");
        return Scalar(node, key);
    }

    public string? Optional(YamlMappingNode map, string key) => Get(map, key) is { } node ? Scalar(node, key) : null;

    public string Scalar(YamlNode node, string what)
    {
        if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            throw Error(node, $"'{what}' must be a non-empty text value");
        }

        return value;
    }

    public decimal Decimal(YamlNode node, string what) =>
        decimal.TryParse(Scalar(node, what), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw Error(node, $"'{what}' must be a number");

    public IReadOnlyList<string> Strings(YamlMappingNode map, string key)
    {
        return Get(map, key) switch
        {
            null => [],
            YamlSequenceNode seq => seq.Children.Select(c => Scalar(c, key)).ToList(),
            YamlScalarNode s => [Scalar(s, key)],
            var other => throw Error(other, $"'{key}' must be a list of values"),
        };
    }

    public YamlMappingNode Mapping(YamlNode node, string what) => node as YamlMappingNode ?? throw Error(node, $"'{what}' must be a mapping");

    public YamlSequenceNode Sequence(YamlNode node, string what) => node as YamlSequenceNode ?? throw Error(node, $"'{what}' must be a list");

    /// <summary>The 1-based line where a scalar's text starts (block scalars "|" start on the next line).</summary>
    public static int ContentLine(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded } ? (int)node.Start.Line + 1 : (int)node.Start.Line;
}
