using System.Text;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Notes;

/// <summary>Finds the plain text of a DocumentReference: the snapshot's decoded text, else an inline attachment.</summary>
public static class NoteBodies
{
    /// <summary>Plain text of the note, or "" when none is readable.</summary>
    public static string Decode(DocumentReference note, IReadOnlyDictionary<string, string> decoded)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(decoded);
        if (note.Id is not null && decoded.TryGetValue(note.Id, out var known))
        {
            return known;
        }

        var sb = new StringBuilder();
        foreach (var content in note.Content)
        {
            var a = content.Attachment;
            if (a?.Data is null || a.ContentType is null
                || !(a.ContentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) || a.ContentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            sb.AppendLine(NoteText.ToPlainText(Encoding.UTF8.GetString(a.Data), a.ContentType));
        }

        return sb.ToString();
    }
}
