using EhrCodingAssist.Sandbox.Auth;
using EhrCodingAssist.Sandbox.Fhir;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Seed;

/// <summary>
/// Loads every *.json FHIR Bundle in a folder (e.g. ../shared/data/synthea): transaction and batch Bundles run
/// as they are; collection and searchset Bundles become transactions of PUTs. A bundle that fails is skipped
/// whole and logged by position and reason, never by content.
/// </summary>
internal static partial class SeedFolderLoader
{
    public static (int Loaded, int Skipped) Load(string folder, TransactionProcessor processor, ILogger logger)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Seed folder '{folder}' does not exist.");
        }

        var files = Directory.GetFiles(folder, "*.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();

        // Parsing dominates start-up time and is independent per file; the store writes stay sequential.
        var parsed = files.AsParallel().AsOrdered().Select(Read).ToList();
        var (loaded, skipped) = (0, 0);
        for (var i = 0; i < parsed.Count; i++)
        {
            try
            {
                if (parsed[i] is { Error: { } error })
                {
                    throw error;
                }

                if (parsed[i].Resource is not Bundle bundle)
                {
                    LogSkipped(logger, i + 1, files.Count, "not a Bundle");
                    skipped++;
                    continue;
                }

                processor.Process(AsTransaction(bundle), AccessGrant.Full);
                loaded++;
            }
            catch (Exception ex) when (ex is FhirError or FhirParseException or IOException)
            {
                LogSkipped(logger, i + 1, files.Count, ex.GetType().Name);
                skipped++;
            }
        }

        return (loaded, skipped);
    }

    private static (Resource? Resource, Exception? Error) Read(string file)
    {
        try
        {
            return (FhirJson.Parse(File.ReadAllText(file), lenient: true), null);
        }
        catch (Exception ex) when (ex is FhirParseException or IOException)
        {
            return (null, ex);
        }
    }

    public static Bundle AsTransaction(Bundle bundle)
    {
        if (bundle.Type is Bundle.BundleType.Transaction or Bundle.BundleType.Batch)
        {
            return bundle;
        }

        var transaction = new Bundle { Type = Bundle.BundleType.Transaction };
        foreach (var entry in bundle.Entry.Where(e => e.Resource is not null))
        {
            var resource = entry.Resource!;
            resource.Id ??= Guid.NewGuid().ToString("N")[..20];
            transaction.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = entry.FullUrl,
                Resource = resource,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = $"{resource.TypeName}/{resource.Id}" },
            });
        }

        return transaction;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed bundle {Position} of {Count} skipped: {Reason}.")]
    private static partial void LogSkipped(ILogger logger, int position, int count, string reason);
}
