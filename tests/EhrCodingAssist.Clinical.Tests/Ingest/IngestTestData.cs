using EhrCodingAssist.Clinical.Ingest;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace EhrCodingAssist.Clinical.Tests.Ingest;

/// <summary>Locates ../shared beside the repository and reads bundles from it.</summary>
internal static class IngestTestData
{
    public static string SharedDirectory { get; } = FindShared();

    public static Bundle ReadBundle(string path) => FhirJsonInput.Deserializer.Deserialize<Bundle>(File.ReadAllText(path));

    private static string FindShared()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EhrCodingAssist.sln")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            throw new InvalidOperationException("EhrCodingAssist.sln not found above " + AppContext.BaseDirectory);
        }

        return Path.Combine(directory.Parent.FullName, "shared");
    }
}
