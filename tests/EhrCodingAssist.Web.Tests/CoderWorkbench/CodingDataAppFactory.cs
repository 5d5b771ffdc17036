using EhrCodingAssist.Web.Tests.Infrastructure;
using EhrCodingAssist.Web.Tests.Queries;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>
/// The shared AppFactory with its own SQLite file and US Core validation, and one coding-data file (written to its own
/// folder) configured under <c>key</c>, e.g. <c>CodingData:PoaExempt:0</c>.
/// </summary>
public abstract class CodingDataAppFactory : AppFactory
{
    protected CodingDataAppFactory(string key, string fileName, params string[] lines)
    {
        var folder = Directory.CreateTempSubdirectory("ehrca-coding-data-").FullName;
        DataFile = Path.Combine(folder, fileName);
        File.WriteAllLines(DataFile, lines);
        Settings["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "app.db")};Pooling=False";
        Settings["Validation:UsCorePath"] = TestPaths.UsCore610;
        Settings[key] = DataFile;
    }

    /// <summary>The configured file.</summary>
    public string DataFile { get; }
}
