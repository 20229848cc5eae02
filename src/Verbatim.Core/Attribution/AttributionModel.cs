using System.Reflection;
using Verbatim.Learning;

namespace Verbatim.Attribution;

/// <summary>
/// The two learned parts of attribution extraction: the cue tagger and the role labeler. The
/// default model is trained from PolNeAR by `verbatim train` and embedded in this assembly as
/// Models/attribution.model, so extraction needs no files at run time.
/// </summary>
public sealed class AttributionModel
{
    internal const string ResourceName = "Verbatim.Models.attribution.model";
    private const string Magic = "VBATT1";

    internal AttributionModel(SequenceModel cues, SequenceModel roles, string provenance)
    {
        Cues = cues;
        Roles = roles;
        Provenance = provenance;
    }

    internal SequenceModel Cues { get; }
    internal SequenceModel Roles { get; }

    /// <summary>Where the model came from: the training data's hash and the settings, as `verbatim train` recorded them.</summary>
    public string Provenance { get; }

    private static readonly Lazy<AttributionModel> Embedded = new(() =>
    {
        using var stream = OpenEmbedded();
        return Load(stream);
    });

    private static Stream OpenEmbedded() =>
        typeof(AttributionModel).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The attribution model is missing from {typeof(AttributionModel).Assembly.GetName().Name}: run `verbatim train` and rebuild.");

    /// <summary>The bundled model file as it is stored, for checking that training reproduces it.</summary>
    public static byte[] EmbeddedBytes()
    {
        using var stream = OpenEmbedded();
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The model bundled with Verbatim (loaded once, shared: it is read-only).</summary>
    public static AttributionModel Default => Embedded.Value;

    public void Save(Stream stream)
    {
        // Each part is length-prefixed: a gzip reader may read past its own member.
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Provenance);
        foreach (var part in new[] { Cues, Roles })
        {
            var buffer = new MemoryStream();
            part.Save(buffer);
            w.Write((int)buffer.Length);
            w.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }

    public static AttributionModel Load(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != Magic) throw new InvalidDataException("not a Verbatim attribution model");
        var provenance = r.ReadString();
        SequenceModel ReadPart() => SequenceModel.Load(new MemoryStream(r.ReadBytes(r.ReadInt32())));
        var cues = ReadPart();
        var roles = ReadPart();
        return new AttributionModel(cues, roles, provenance);
    }
}
