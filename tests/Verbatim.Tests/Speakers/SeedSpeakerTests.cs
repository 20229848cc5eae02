using Verbatim.Attribution;
using Verbatim.Speakers;
using Verbatim.Text;

namespace Verbatim.Tests.Speakers;

/// <summary>The seed article with its gold attributions (offsets from shared/seed/expected.json).</summary>
public class SeedSpeakerTests
{
    private static (SpeakerLayer Layer, SpeakerTestKit Kit) Run()
    {
        var kit = new SpeakerTestKit(File.ReadAllText(SpeakerTestKit.SamplePath("seed-2plus2.txt")));
        TextSpan S(int start, int end, string expected)
        {
            Assert.Equal(expected, kit.Text[start..end]);
            return new TextSpan(start, end);
        }
        kit.Add(1, S(183, 216, "Secretary of State Antony Blinken"), new(342, 420), AttributionKind.Indirect)
           .Add(11, S(347, 355, "the U.S."), new(365, 420), AttributionKind.Indirect, nestedIn: 1)
           .Add(2, S(557, 559, "he"), new(422, 556))
           .Add(3, null, new(566, 699))
           .Add(4, S(700, 707, "Blinken"), new(723, 1178))
           .Add(5, S(1179, 1195, "Secretary Austin"), new(1203, 1804))
           .Add(6, S(1805, 1811, "Austin"), new(1823, 2133))
           .Add(7, S(2134, 2140, "Austin"), new(2217, 2323), AttributionKind.Mixed)
           .Add(71, S(2134, 2140, "Austin"), new(2158, 2203), AttributionKind.Indirect)
           .Add(8, S(2324, 2326, "He"), new(2334, 2638));
        return (kit.Run(), kit);
    }

    [Fact]
    public void Blinken_speaks_a1_to_a4()
    {
        var (layer, _) = Run();
        foreach (var id in new[] { 1, 2, 3, 4 })
        {
            var speaker = layer.ByAttribution[id];
            Assert.True(speaker.Name == "Antony Blinken", $"a{id}: {speaker}");
            Assert.Equal("Antony Blinken", speaker.Name);
            Assert.Equal("Secretary of State", speaker.Title);
            Assert.Equal("United States", speaker.Affiliation);
            Assert.Equal(SpeakerType.Person, speaker.Type);
        }
    }

    [Fact]
    public void Austin_speaks_a5_to_a8()
    {
        var (layer, _) = Run();
        foreach (var id in new[] { 5, 6, 7, 71, 8 })
        {
            var speaker = layer.ByAttribution[id];
            Assert.True(speaker.Name == "Lloyd Austin", $"a{id}: {speaker}");
            Assert.Equal("Lloyd Austin", speaker.Name);
            Assert.Equal("Secretary of Defense", speaker.Title);
            Assert.Equal("United States", speaker.Affiliation);
        }
    }

    [Fact]
    public void The_US_assessment_is_the_United_States()
    {
        var (layer, _) = Run();
        var speaker = layer.ByAttribution[11];
        Assert.Equal("United States", speaker.Name);
        Assert.Equal(SpeakerType.Organization, speaker.Type);
    }

    [Fact]
    public void One_speaker_per_entity_with_ids_in_order_of_appearance()
    {
        var (layer, _) = Run();
        Assert.Equal(["s1", "s2", "s3"], layer.Speakers.Select(s => s.Id));
        Assert.Equal(["Antony Blinken", "United States", "Lloyd Austin"], layer.Speakers.Select(s => s.Name));
        Assert.Same(layer.ByAttribution[1], layer.ByAttribution[4]);
        Assert.Same(layer.ByAttribution[5], layer.ByAttribution[8]);
    }
}
