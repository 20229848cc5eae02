using static Verbatim.Tests.Entities.EntityTestKit;

namespace Verbatim.Tests.Entities;

/// <summary>Capitalised words that name nothing give no entity.</summary>
public class EntityPrecisionTests
{
    [Fact]
    public void Sentence_initial_common_words_are_not_names()
    {
        Assert.Empty(Describe("The report was released. And officials agreed. Our view is clear. Make no mistake: If it fails, we pay."));
    }

    [Fact]
    public void A_sentence_initial_unknown_word_is_not_a_name_unless_used_as_one_elsewhere()
    {
        Assert.Empty(Describe("Officials met. Negotiators left early."));
        Assert.Equal(["Hatzius|other|Hatzius", "Hatzius|other|Hatzius"], Describe("Hatzius disagreed. The note by Hatzius was short."));
    }

    [Fact]
    public void Months_and_weekdays_are_not_names()
    {
        Assert.Empty(Describe("Talks resume on Monday, and again in October and on Sept. 11 before Christmas."));
    }

    [Fact]
    public void A_heading_gives_no_names_unless_the_lexicons_know_them()
    {
        Assert.Equal(["Russia|place|Russia", "Russia|place|Russia"],
            Describe("Troops Move Closer To Russia Amid Fresh Warnings\nThe army said the troops left Russia on foot."));
    }

    [Fact]
    public void Words_capitalised_for_emphasis_inside_quotes_are_not_names()
    {
        Assert.Empty(Describe("He called the deal “Historic” and said it was a “Very Big Win” for everyone."));
        Assert.Empty(Describe("“Frankly, this is Unacceptable,” she said."));
    }

    [Fact]
    public void A_name_inside_a_quote_is_kept_when_the_lexicons_or_the_document_know_it()
    {
        Assert.Equal(["Ukraine|place|Ukraine", "Lloyd Austin|person|Lloyd Austin", "Austin|person|Lloyd Austin"],
            Describe("“We stand with Ukraine,” said Lloyd Austin. “Austin will travel,” an aide said."));
    }

    [Fact]
    public void A_title_without_a_name_names_no_one()
    {
        Assert.Empty(Describe("The President said the Secretary of State would travel."));
    }

    [Fact]
    public void Common_acronyms_are_not_organisations()
    {
        Assert.Empty(Describe("They trained in UAV operations while GDP fell."));
    }
}
