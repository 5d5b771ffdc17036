namespace EhrCodingAssist.Cli.Analyze;

/// <summary>A JSON input file; <paramref name="FromFolder"/> when found in a named folder rather than named itself.</summary>
internal sealed record JsonInput(string Path, bool FromFolder);

/// <summary>The files named on the command line: Bundle (or single-resource) JSON files and NDJSON files.</summary>
internal sealed record InputSet(IReadOnlyList<JsonInput> JsonFiles, IReadOnlyList<string> NdjsonFiles)
{
    private static readonly string[] NdjsonExtensions = [".ndjson", ".jsonl"];

    /// <summary>
    /// Expands files and folders (recursively, in ordinal name order). In folders only *.json, *.ndjson and *.jsonl
    /// are taken (JSON files that are not FHIR resources are skipped there, see <see cref="JsonFileReader"/>); a file named explicitly is NDJSON by extension (.ndjson, .jsonl) and JSON otherwise.
    /// </summary>
    /// <exception cref="CliInputException">A path does not exist, or a folder holds no input file.</exception>
    public static InputSet Resolve(IEnumerable<string> paths)
    {
        var json = new List<JsonInput>();
        var ndjson = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(path, fromFolder: false);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => IsNdjson(f) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    throw new CliInputException($"{path}: no .json or .ndjson files in this folder");
                }

                foreach (var file in found)
                {
                    Add(file, fromFolder: true);
                }
            }
            else
            {
                throw new CliInputException($"{path}: no such file or directory");
            }
        }

        return new InputSet(json, ndjson);

        void Add(string file, bool fromFolder)
        {
            if (IsNdjson(file))
            {
                ndjson.Add(file);
            }
            else
            {
                json.Add(new JsonInput(file, fromFolder));
            }
        }
    }

    private static bool IsNdjson(string path) =>
        NdjsonExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
