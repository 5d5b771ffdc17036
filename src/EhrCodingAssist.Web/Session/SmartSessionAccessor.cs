using System.Text.RegularExpressions;

namespace EhrCodingAssist.Web.Session;

/// <summary>Reads the request's session from the cookie and the server-side store (cached per request).</summary>
internal sealed partial class SmartSessionAccessor(IHttpContextAccessor http, SessionCookie cookie, SmartSessionStore store) : ISmartSessionAccessor
{
    private static readonly object ItemKey = new();

    [GeneratedRegex("^[A-Za-z0-9\\-.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FhirId();

    public SmartSession? Current => Record?.Context;

    /// <summary>The full record (with tokens) for server-side use only.</summary>
    internal SessionRecord? Record
    {
        get
        {
            var context = http.HttpContext;
            if (context is null)
            {
                return null;
            }

            if (context.Items.TryGetValue(ItemKey, out var cached))
            {
                return cached as SessionRecord;
            }

            var id = cookie.Read(context);
            var record = id is null ? null : store.Get(id);

            // The record must belong to this cookie's id (defends against a store mix-up).
            if (record is not null && record.Context.Id != id)
            {
                record = null;
            }

            context.Items[ItemKey] = record;
            return record;
        }
    }

    public void SelectEncounter(string encounterId)
    {
        ArgumentNullException.ThrowIfNull(encounterId);
        if (!FhirId().IsMatch(encounterId))
        {
            throw new ArgumentException("Not a FHIR resource id.", nameof(encounterId));
        }

        var record = Record ?? throw new InvalidOperationException("No launched session.");
        var updated = record with { Context = record.Context with { EncounterId = encounterId } };
        store.Set(record.Context.Id, updated);
        http.HttpContext!.Items[ItemKey] = updated;
    }
}
