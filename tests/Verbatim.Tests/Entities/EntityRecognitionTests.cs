using static Verbatim.Tests.Entities.EntityTestKit;

namespace Verbatim.Tests.Entities;

public class EntityRecognitionTests
{
    [Fact]
    public void A_title_makes_a_person_and_is_left_out_of_the_span()
    {
        Assert.Equal(
            ["Antony Blinken|person|Antony Blinken", "Mark Milley|person|Mark Milley", "Warren|person|Warren", "Smith|person|Smith"],
            Describe("Secretary of State Antony Blinken met Gen. Mark Milley, Sen. Warren and Mrs. Smith."));
    }

    [Fact]
    public void A_lowercase_title_before_a_name_makes_a_person()
    {
        Assert.Equal(["Cho Tae-yul|person|Cho Tae-yul"], Describe("It was the view of foreign minister Cho Tae-yul."));
    }

    [Fact]
    public void A_surname_takes_the_fullest_name_the_document_gives()
    {
        Assert.Equal(
            ["Antony Blinken|person|Antony Blinken", "Blinken|person|Antony Blinken", "Blinken|person|Antony Blinken"],
            Describe("Antony Blinken spoke first. Blinken said talks would go on, and officials backed Blinken."));
    }

    [Fact]
    public void A_possessive_is_left_out_and_a_curated_leader_gets_his_full_name()
    {
        Assert.Equal(["Putin|person|Vladimir Putin"], Describe("The analysts said that Putin’s forces were tired."));
    }

    [Fact]
    public void A_full_name_in_the_document_wins_over_the_curated_one()
    {
        Assert.Equal(
            ["Donald J. Trump|person|Donald J. Trump", "Trump|person|Donald J. Trump"],
            Describe("Voters chose Donald J. Trump. Supporters of Trump cheered."));
    }

    [Fact]
    public void Aliases_come_together_under_one_name()
    {
        Assert.Equal(
            ["Kiev|place|Kyiv", "Kyiv|place|Kyiv", "D.P.R.K.|place|North Korea", "North Korea|place|North Korea",
             "U.S.|place|United States", "United States|place|United States"],
            Describe("Aid went to Kiev and to Kyiv; the D.P.R.K. and North Korea; the U.S. and the United States."));
    }

    [Fact]
    public void Well_known_bodies_are_organisations()
    {
        Assert.Equal(
            ["White House|organization|White House", "Pentagon|organization|Pentagon", "United Nations|organization|United Nations",
             "NATO|organization|NATO", "Kremlin|organization|Kremlin"],
            Describe("Statements came from the White House, the Pentagon, the United Nations, NATO and the Kremlin."));
    }

    [Fact]
    public void Organisation_head_words_make_organisations()
    {
        Assert.Equal(
            ["Finance Ministry|organization|Finance Ministry", "Bank of England|organization|Bank of England", "Acme Holdings|organization|Acme Holdings"],
            Describe("Officials at the Finance Ministry, the Bank of England and Acme Holdings agreed."));
    }

    [Fact]
    public void A_place_word_after_a_name_belongs_to_the_place()
    {
        Assert.Equal(["Kursk region|place|Kursk region", "Zelda province|place|Zelda province"],
            Describe("Troops were sent to the Kursk region and to the Zelda province."));
    }

    [Fact]
    public void Nationality_adjectives_are_not_entities_but_the_name_after_them_is()
    {
        Assert.Equal(["Vladimir Putin|person|Vladimir Putin"],
            Describe("They wore Russian uniforms beside North Korean troops, said Russian President Vladimir Putin."));
    }

    [Fact]
    public void Republic_of_Korea_is_South_Korea()
    {
        Assert.Equal(["U.S.|place|United States", "Republic of Korea|place|South Korea"],
            Describe("The U.S.-Republic of Korea meeting ended."));
    }

    [Fact]
    public void A_given_name_makes_a_person_of_an_unknown_surname()
    {
        Assert.Equal(["Ines Moller|person|Ines Moller", "Moller|person|Ines Moller"],
            Describe("The bank hired Ines Moller last year. Moller said rates would fall."));
    }
}
