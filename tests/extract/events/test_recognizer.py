"""Events: types, roles by voice and position, modality, attribution, dates, places, quantities."""
from __future__ import annotations

import pytest

from kg.api import extract_text


def events(text, lang, published="2025-07-12"):
    record = extract_text(text, lang=lang, published=published)
    return [(e["type"], [a["name"] for a in e["source"]], [a["name"] for a in e["target"]],
             (e["date"] or {}).get("value"), e["modality"], [a["name"] for a in e["according_to"]])
            for e in record["events"]]


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Lavrov bertemu dengan Kim Jong Un pada hari Sabtu.",
     ("CONSULT", ["Sergey Lavrov"], ["Kim Jong Un"], "2025-07-12", "asserted", [])),
    ("en", "Russian Foreign Minister Sergey Lavrov met Kim Jong Un on Saturday.",
     ("CONSULT", ["Sergey Lavrov"], ["Kim Jong Un"], "2025-07-12", "asserted", [])),
    # passives: di- verbs with "oleh", English "was attacked by"
    ("id", "Kyiv diserang oleh Rusia pada hari Senin.", ("ASSAULT", ["Russia"], ["Ukraine"], "2025-07-07", "asserted", [])),
    ("en", "Ukraine was attacked by Russia on Monday.", ("ASSAULT", ["Russia"], ["Ukraine"], "2025-07-07", "asserted", [])),
    # modality
    ("id", "Rusia tidak akan mengirim pasukan ke Belarus.", ("AID", ["Russia"], ["Belarus"], None, "negated", [])),
    ("en", "Russia will not send troops to Belarus.", ("AID", ["Russia"], ["Belarus"], None, "negated", [])),
    ("id", "Israel dapat menjatuhkan sanksi terhadap Iran.", ("SANCTION", ["Israel"], ["Iran"], None, "hypothetical", [])),
    ("en", "Israel could impose sanctions on Iran.", ("SANCTION", ["Israel"], ["Iran"], None, "hypothetical", [])),
    ("id", "Pyongyang berencana mengerahkan pasukan ke Rusia.", ("MOBILIZE", ["North Korea"], ["Russia"], None, "future", [])),
    # attribution
    ("id", "Rusia menyerang Ukraina, menurut TASS.", ("ASSAULT", ["Russia"], ["Ukraine"], None, "asserted", ["TASS"])),
    ("en", "Russia attacked Ukraine, according to Reuters.", ("ASSAULT", ["Russia"], ["Ukraine"], None, "asserted", ["Reuters"])),
])
def test_single_event(lang, text, expected):
    assert events(text, lang) == [expected]


def test_bare_agent_passive_relative_clause():
    (event,) = events("Pasukan Rusia menerima 11.000 tentara yang dikirim Pyongyang tahun lalu.", "id")
    assert event[:2] == ("AID", ["North Korea"]) and event[3] == "2024"


def test_speech_verbs_alone_are_not_events_and_frame_the_report():
    assert events("Lavrov mengatakan hal itu kepada wartawan.", "id") == []
    assert events("Lavrov said so to reporters.", "en") == []
    (event,) = events("Zelensky mengatakan bahwa Rusia menyerang Kyiv.", "id")
    assert event[1] == ["Russia"] and event[5] == ["Volodymyr Zelensky"]


def test_coordinated_sources():
    (event,) = events("Prabowo dan Albanese bertemu di Jakarta pada hari Senin.", "id")
    assert event[1] == ["Prabowo Subianto", "Anthony Albanese"]


def test_implicit_target_stays_empty():
    (event,) = events("Pada hari Rabu, Moskow meluncurkan 728 pesawat tanpa awak.", "id")
    assert event[:3] == ("ASSAULT", ["Russia"], []) and event[3] == "2025-07-09"


def test_a_number_that_is_a_date_is_not_a_quantity():
    record = extract_text("Polisi menangkap tiga tersangka di Surabaya pada Senin (18/11/2024).", lang="id",
                          published="2024-11-20")
    (event,) = record["events"]
    assert event["quantities"] == [{"value": 3, "unit": "tersangka"}] and event["date"]["value"] == "2024-11-18"
    assert event["place"]["name"] == "Surabaya"


def test_back_reference_takes_the_date_of_the_earlier_event():
    text = ("Para pejabat mengatakan pada hari Sabtu bahwa Rusia melancarkan serangan udara. "
            "Zelensky mengatakan Rusia meluncurkan 26 rudal dalam serangan tersebut.")
    dated = [e[3] for e in events(text, "id")]
    assert dated == ["2025-07-12", "2025-07-12"]


def test_undated_reported_events_end_no_later_than_publication():
    record = extract_text("Trump menuduh Putin berbohong. Rusia akan menyerang Kyiv.", lang="id", published="2025-07-12")
    accuse, attack = record["events"][:2]
    assert accuse["date"] == {"value": None, "precision": None, "earliest": None, "latest": "2025-07-12"}
    assert attack["modality"] == "future" and attack["date"] is None


def test_planned_events_may_lie_after_publication():
    visit, promise = events("Prabowo akan mengunjungi Tokyo pada hari Senin.", "id")
    assert visit[0] == "CONSULT" and visit[3] == "2025-07-14" and visit[4] == "future"
    assert promise[0] == "AGREE"  # a future action stated without attribution is also an announcement


@pytest.mark.parametrize("lang, text", [
    ("id", "Rusia menyerang Ukraina pekan lalu. Pejabat Ukraina mengatakan bahwa Rusia kembali menyerang di negara itu."),
    ("en", "Russia attacked Ukraine last week. Ukrainian officials said that Russia struck again in the country."),
])
def test_the_country_refers_back(lang, text):
    last = extract_text(text, lang=lang, published="2025-07-12")["events"][-1]
    assert [a["name"] for a in last["target"]] == ["Ukraine"]


@pytest.mark.parametrize("lang, text", [
    ("id", "Rusia meluncurkan 20 rudal ke kota Kharkiv."),
    ("en", "Russia fired 20 missiles at the city of Kharkiv."),
])
def test_an_attack_on_a_place_targets_its_state(lang, text):
    (event,) = extract_text(text, lang=lang, published="2025-07-12")["events"]
    assert event["type"] == "ASSAULT" and [a["country"] for a in event["target"]] == ["UKR"]


@pytest.mark.parametrize("lang, text", [
    ("id", '"Kami membahas perang," ujar Lavrov pada hari Sabtu. "Mereka mendukung kami sepenuhnya."'),
    ("en", '"We discussed the war," Lavrov said on Saturday. "They support us fully."'),
])
def test_a_continued_quote_keeps_speaker_and_date(lang, text):
    last = extract_text(text, lang=lang, published="2025-07-12")["events"][-1]
    assert last["type"] == "SUPPORT" and last["date"]["value"] == "2025-07-12"
    assert [a["name"] for a in last["according_to"]] == ["Sergey Lavrov"]


@pytest.mark.parametrize("lang, text", [
    ("en", "The Red Cross said that Israel must allow aid into Gaza."),
    ("id", "Palang Merah mengatakan bahwa Israel harus mengizinkan bantuan masuk ke Gaza."),
])
def test_a_reported_must_is_a_demand(lang, text):
    events_ = extract_text(text, lang=lang, published="2025-07-12")["events"]
    demand = next(e for e in events_ if e["type"] == "REQUEST")
    assert [a["country"] for a in demand["target"]] == ["ISR"] and demand["source"]


@pytest.mark.parametrize("lang, text, kind", [
    ("en", "Israeli bulldozers demolished Palestinian homes.", "COERCE"),
    ("en", "Police opened an investigation into the killing.", "ACCUSE"),
    ("id", "Aparat menggusur rumah warga di Jakarta.", "COERCE"),
])
def test_more_triggers(lang, text, kind):
    assert kind in [e["type"] for e in extract_text(text, lang=lang, published="2025-07-12")["events"]]


def test_capitalised_trigger_inside_a_name_is_not_an_event_except_in_title_case():
    types = [e["type"] for e in extract_text("Aid came from the Swiss Agency for Development and Cooperation.",
                                             lang="en", published="2025-07-12")["events"]]
    assert "COOPERATE" not in types
    assert [e["type"] for e in extract_text("Russia Attacks Ukraine Again", lang="en")["events"]] == ["ASSAULT"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Farmers blocked roads leading to the capital."), ("id", "Petani memblokade jalan menuju ibu kota."),
])
def test_road_blocking_is_a_protest(lang, text):
    assert "PROTEST" in [e["type"] for e in extract_text(text, lang=lang)["events"]]


@pytest.mark.parametrize("lang, text, kind", [
    ("en", "Iraq said it would allow the return of weapons inspectors.", "AGREE"),
    ("en", "Nigeria announced that it will withdraw its troops from Chad unless a ceasefire is agreed.", "THREATEN"),
    ("id", "Rusia mengatakan pihaknya akan mengirim bantuan kemanusiaan ke Gaza.", "AGREE"),
    ("id", "Iran menyatakan akan menyerang Israel jika serangan berlanjut.", "THREATEN"),
])
def test_announced_own_future_action_is_a_promise_or_threat(lang, text, kind):
    events_ = extract_text(text, lang=lang, published="2025-07-12")["events"]
    commitment = next(e for e in events_ if e["type"] == kind)
    assert commitment["source"] and commitment["source"][0]["kind"] == "country"
    assert any(e["modality"] == "future" for e in events_)  # the action itself stays, as planned


def test_someone_else_announcing_a_visit_is_not_a_promise():
    events_ = extract_text("Juru bicara Kremlin mengatakan Lavrov akan mengunjungi Korea Utara.", lang="id")["events"]
    assert [e["type"] for e in events_] == ["CONSULT"]


def test_agent_nouns_are_not_events_and_exact_triggers():
    record = extract_text("KPK menahan Bupati Rudi. Tim penyidik menyita uang tunai.", lang="id", published="2025-03-14")
    assert [e["trigger"]["text"] for e in record["events"]] == ["menahan", "menyita"]
    assert "pertahanan" not in [e["trigger"]["text"] for e in extract_text(
        "Kementerian Pertahanan meninjau sistem pertahanan udara.", lang="id")["events"]]


@pytest.mark.parametrize("lang, text", [
    ("id", "Juru bicara TPNPB Yonas Wenda membenarkan serangan itu. Ia juga mengancam akan menyerang aparat keamanan."),
    ("en", "Rebel spokesman Yonas Wenda confirmed the attack. He also threatened to attack the security forces."),
])
def test_a_person_pronoun_subject_is_the_last_person_named(lang, text):
    threat = next(e for e in extract_text(text, lang=lang)["events"] if e["type"] == "THREATEN")
    assert [a["name"] for a in threat["source"]] == ["Yonas Wenda"]


def test_an_event_dated_by_a_week_gets_its_month():
    (event,) = extract_text("Pengadilan memvonis Yusuf pekan lalu.", lang="id", published="2025-03-14")["events"]
    assert event["date"]["value"] == "2025-03" and event["date"]["earliest"] == "2025-03-03"


def test_announcing_an_event_directly_makes_the_speaker_its_source():
    aid = next(e for e in extract_text("Washington announced $50 million in emergency food aid for Sudan.",
                                       lang="en")["events"] if e["type"] == "AID")
    assert [a["country"] for a in aid["source"]] == ["USA"] and [a["country"] for a in aid["target"]] == ["SDN"]


def test_a_verb_trigger_never_takes_its_source_from_the_right():
    (strike,) = extract_text("Warplanes bombed a Russian fuel depot near Kursk.", lang="en")["events"]
    assert strike["source"] == [] and [a["country"] for a in strike["target"]] == ["RUS"]


def test_a_second_action_of_the_same_actor_keeps_the_counterpart():
    text = "Pyongyang mengerahkan 5.000 tentara ke Rusia, menambah 11.000 tentara yang dikirim Pyongyang tahun lalu."
    sent = next(e for e in extract_text(text, lang="id", published="2025-07-12")["events"] if e["type"] == "AID")
    assert [a["name"] for a in sent["source"]] == ["North Korea"] and [a["name"] for a in sent["target"]] == ["Russia"]


@pytest.mark.parametrize("lang, text, expected", [
    # a victim verb with an object and no auxiliary is active; with one it is passive
    ("en", "Russian aircraft killed 46 Afghan civilians.", ("ASSAULT", ["Russian Armed Forces"], ["Afghan Civilians"])),
    ("en", "Afghan civilians were killed in Herat.", ("ASSAULT", [], ["Afghan Civilians"])),
    # "..., killing X": the victims are targets of the same attack, not a second event
    ("en", "Israeli warplanes bombed a depot in Gaza, killing 12 Palestinian fighters.",
     ("ASSAULT", ["Israeli Armed Forces"], ["Palestinian Rebels"])),
    # troops that are sent are what is sent, not the target
    ("en", "Russia is sending additional troops to Belarus.", ("AID", ["Russia"], ["Belarus"])),
    ("id", "Rusia mengirim tambahan tentara ke Belarus.", ("AID", ["Russia"], ["Belarus"])),
    # two organs of one state joined by "dan"/"and" stand for the state
    ("id", "Lavrov memuji tentara dan dinas intelijen Korea Utara.", ("SUPPORT", ["Sergey Lavrov"], ["North Korea"])),
    # a target preposition past a comma or a quoted phrase
    ("id", "Korea Utara menegaskan dukungan terhadap tujuan operasi, serta terhadap angkatan bersenjata Rusia.",
     ("SUPPORT", ["North Korea"], ["Russian Armed Forces"])),
    # a mention inside an apposition after the subject is not the subject
    ("en", "Pakistan, a key U.S. ally in the region, has refused to deploy peacekeepers in Iraq.",
     ("REJECT", ["Pakistan"], ["Iraq"])),
    # with no counterpart named, the state where the action lands is the target
    ("en", "France agreed to contribute troops to a peace-keeping force in Liberia.", ("AGREE", ["France"], ["Liberia"])),
    ("id", "Sudan mencabut keadaan darurat di Darfur Barat.", ("CONCEDE", ["Sudan"], ["Sudan"])),
    # the one asked is the subject of the demanded clause
    ("en", "China demanded that the US cancel the arms sale.", ("REQUEST", ["China"], ["United States"])),
    ("id", "Indonesia meminta agar Malaysia segera memulangkan para nelayan.", ("REQUEST", ["Indonesia"], ["Malaysia"])),
    # a group noun that is itself the trigger protests
    ("en", "Demonstrators in Baghdad blocked a road on Monday.", ("PROTEST", ["Iraqi Protesters"], [])),
])
def test_roles_of_groups_victims_and_appositions(lang, text, expected):
    assert [e[:3] for e in events(text, lang)][:1] == [expected]


def test_role_fillers_point_to_the_mention_they_were_read_from():
    text = "Polisi menangkap 87 demonstran di Jakarta."
    record = extract_text(text, lang="id", published="2025-10-08")
    (event,) = record["events"]
    (source,) = event["source"]
    assert (source["text"], text[source["start"]:source["end"]]) == ("Polisi", "Polisi")
    assert event["target"][0]["text"] == "demonstran" and event["target"][0]["country"] == "IDN"


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Sedikitnya 12 orang tewas dalam kontak tembak antara TNI dan TPNPB di Intan Jaya.",
     ("ASSAULT", ["TNI", "TPNPB"], ["TNI", "TPNPB"])),
    ("en", "Fighting between the Sudanese army and the RSF continued.",
     ("ASSAULT", ["Sudanese Armed Forces", "Rapid Support Forces"], ["Sudanese Armed Forces", "Rapid Support Forces"])),
    # "X and Y met / agreed": each is the other's counterpart
    ("en", "Prabowo and Albanese agreed to deepen ties.",
     ("AGREE", ["Prabowo Subianto", "Anthony Albanese"], ["Prabowo Subianto", "Anthony Albanese"])),
])
def test_both_sides_act_on_each_other(lang, text, expected):
    assert events(text, lang)[0][:3] == expected


def test_organs_of_a_state_stand_for_it_but_a_rebel_group_is_not_an_organ():
    (event,) = events("Komnas HAM meminta TNI dan TPNPB menahan diri.", "id")
    assert event[2] == ["TNI", "TPNPB"]  # both are asked; the rebels do not make TNI "Indonesia"


def test_narrative_time_carries_over_within_a_paragraph_but_not_across():
    text = ("Ribuan mahasiswa berunjuk rasa di depan DPR pada Rabu (8/10). Polisi kemudian menangkap 87 orang.\n\n"
            "Polisi menangkap dua orang lagi.")
    dates = [e[3] for e in events(text, "id", published="2025-10-09")]
    assert dates == ["2025-10-08", "2025-10-08", None]


def test_a_pointer_to_an_earlier_event_is_not_a_new_event():
    text = "Rusia menyerang Kyiv pada hari Senin. Akibat serangan itu, ribuan warga mengungsi."
    assert [e[0] for e in events(text, "id")].count("ASSAULT") == 1


@pytest.mark.parametrize("lang, text, kind", [
    ("en", "Swiss doctors handed over 700 kg of medicine to the Red Crescent.", "AID"),
    ("id", "Relawan menyalurkan 20 ton bantuan makanan kepada pengungsi.", "AID"),
    ("en", "Turkish police prevented the demonstration by students.", "COERCE"),
    ("id", "Polisi menghadang aksi mahasiswa di depan DPR.", "COERCE"),
    ("en", "Guerrillas blew up three power lines near Kabul.", "COERCE"),
])
def test_object_conditioned_triggers(lang, text, kind):
    assert kind in [e[0] for e in events(text, lang)]


@pytest.mark.parametrize("lang, text", [
    ("id", "Komnas HAM meminta semua pihak menahan diri."),
    ("en", "The minister suffered a heart attack on Monday."),
])
def test_phrases_that_only_look_like_triggers(lang, text):
    assert [e[0] for e in events(text, lang)] in ([], ["REQUEST"])


def test_a_second_verb_joined_by_and_with_its_own_type_is_its_own_event():
    kinds = [e[0] for e in events("The spokesman denied the claim and accused the army of staging the attack.", "en")]
    assert "REJECT" in kinds and "ACCUSE" in kinds


def test_irregular_passive_with_by_and_strike_as_attack_or_labour_protest():
    (event,) = events("A market in El Fasher was struck by Russian drones.", "en")
    assert event[:3] == ("ASSAULT", ["Russian Armed Forces"], ["Sudan"])  # an attack abroad targets that state
    assert [e[0] for e in events("Some 500,000 workers went on strike on Monday.", "en")] == ["PROTEST"]


@pytest.mark.parametrize("lang, text, rebels", [
    ("en", "Ivory Coast rebels on Friday rejected a Senegalese peace plan, and said they also opposed the deployment.",
     "Ivorian Rebels"),
    ("id", "Pemberontak Pantai Gading menolak rencana perdamaian Senegal, dan mengatakan mereka juga menentang "
           "pengerahan pasukan.", "Ivorian Rebels"),
])
def test_an_event_before_and_said_is_its_own_clause(lang, text, rebels):
    found = events(text, lang)
    assert found[0][:3] == ("REJECT", [rebels], ["Senegal"])


@pytest.mark.parametrize("lang, text, speaker, asked", [
    ("en", "The Red Cross operating in Iraq said US forces must stop attacks on civilians.",
     "International Committee of the Red Cross", "American Troops"),
    ("id", "Palang Merah yang beroperasi di Irak mengatakan pasukan AS harus menghentikan serangan terhadap warga sipil.",
     "International Committee of the Red Cross", "American Troops"),
])
def test_the_speaker_is_the_subject_not_the_place_it_works_in(lang, text, speaker, asked):
    demands = [e for e in events(text, lang) if e[0] == "REQUEST"]
    assert [e[1:3] for e in demands] == [([speaker], [asked])]


@pytest.mark.parametrize("lang, text, kind", [
    ("en", "The United Nations on Tuesday reduced food supplies to the refugee camp.", "SANCTION"),
    ("id", "PBB pada hari Selasa mengurangi pasokan pangan ke kamp pengungsi.", "SANCTION"),
    ("en", "The United States would prohibit all aid to the rebels.", "SANCTION"),
    ("id", "Amerika Serikat menghentikan seluruh bantuan kepada pemberontak.", "SANCTION"),
    ("en", "The Latvian Constitutional Court cancelled restrictions on the Russian language.", "CONCEDE"),
    ("id", "Mahkamah Konstitusi Latvia membatalkan pembatasan bahasa Rusia.", "CONCEDE"),
    ("en", "Jakarta forced the UN refugee agency, UNHCR, out of the country.", "SANCTION"),
])
def test_object_conditioned_triggers_from_the_codebook(lang, text, kind):
    assert [e[0] for e in events(text, lang)][:1] == [kind]


@pytest.mark.parametrize("lang, text", [
    ("en", "Sales fell after the company reduced prices."),
    ("id", "Perusahaan mengurangi harga setelah penjualan turun."),
])
def test_reducing_other_things_is_no_sanction(lang, text):
    assert events(text, lang) == []


@pytest.mark.parametrize("lang, text, source", [
    ("en", "Radical French farmers said on Friday they would blockade Paris from Monday night.", "French Farmers"),
    ("id", "Para petani Prancis mengatakan pada hari Jumat mereka akan memblokade Paris.", "French Farmers"),
])
def test_a_verb_after_a_modal_is_no_nominal_event(lang, text, source):
    threats = [e for e in events(text, lang) if e[0] == "THREATEN"]
    assert threats and threats[0][1] == [source]


def test_a_mediator_before_a_name_is_a_title_not_an_event():
    assert events("The U.N. mediator Diego Cordovez spoke on Monday.", "en") == []


@pytest.mark.parametrize("lang, text, kind", [
    ("en", "Angry French paper workers blocked the Europe Bridge for three hours.", "PROTEST"),
    ("id", "Buruh Prancis memblokir jembatan Eropa selama tiga jam.", "PROTEST"),
    ("en", "Kyrgyz Prime Minister Nikolai Tanaev received a mission of observers from the OSCE.", "RETREAT"),
    ("id", "Perdana Menteri Kirgistan Nikolai Tanaev menerima tim pengamat dari OSCE.", "RETREAT"),
])
def test_blocking_roads_is_protest_and_receiving_observers_is_access(lang, text, kind):
    found = events(text, lang)
    assert found[0][0] == kind and found[0][1]


@pytest.mark.parametrize("lang, text", [
    ("en", "The European Union imposed sanctions on Russia."),
    ("id", "Uni Eropa menjatuhkan sanksi terhadap Rusia."),
])
def test_the_european_union_is_an_organisation_not_a_country(lang, text):
    record = extract_text(text, lang=lang, published="2025-07-12")
    (source,) = record["events"][0]["source"]
    assert (source["name"], source["kind"], source["country"]) == ("European Union", "organization", None)


@pytest.mark.parametrize("lang, text, source", [
    ("en", "A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier, the military said.",
     "Unidentified Armed Group (Iraq)"),
    ("id", "Sebuah bom mobil meledak di Beirut dan menewaskan seorang wartawan.", "Unidentified Armed Group (Lebanon)"),
])
def test_violence_without_a_named_perpetrator_is_an_unidentified_group_of_the_place(lang, text, source):
    (attack, *_) = [e for e in events(text, lang) if e[0] == "ASSAULT"]
    assert attack[1] == [source]


@pytest.mark.parametrize("lang, text", [
    ("en", "Warplanes bombed a Russian fuel depot near Kursk."),  # the state hit on its own soil: maybe from abroad
    ("en", "Warplanes bombed a market near Kursk."),  # an attacker named, if not whose
    ("en", "Rebels attacked a convoy near Samarra."),
    ("id", "Pemberontak menyerang konvoi di dekat Samarra."),
    ("en", "The attack in Mogadishu was claimed by al-Shabaab."),  # an agent follows
    ("en", "An earthquake killed 200 people in Izmir."),  # no violence
    ("id", "Banjir menewaskan lima orang di Semarang."),
    ("en", "A man was stabbed to death in London."),  # crime, not an armed group's attack
])
def test_no_unidentified_group_where_someone_is_named_or_nothing_happened(lang, text):
    assert not any("Unidentified" in name for e in events(text, lang) for name in e[1])


@pytest.mark.parametrize("lang, text, kind", [
    ("en", "Israel's high court opened a landmark hearing Wednesday into interrogation techniques.", "ACCUSE"),
    ("en", "According to reports the UK is pushing hard for the US to support its plan.", "REQUEST"),
    ("en", "The United States is providing aerial photographs and other military intelligence to Macedonia.", "AID"),
    ("en", "Ethnic Albanians have sworn to fight until they gain control of villages near Macedonia's border.",
     "THREATEN"),
    ("id", "Etnis Albania bersumpah akan berperang sampai menguasai desa-desa di dekat perbatasan Makedonia.",
     "THREATEN"),
])
def test_investigations_pushes_provisions_and_vows_to_fight(lang, text, kind):
    assert kind in [e[0] for e in events(text, lang)]


@pytest.mark.parametrize("lang, text, source", [
    ("en", "The fundamentalist Umma (Nation) party has said it will boycott Algeria's first multi-party elections "
           "unless the president agrees to step down.", ("Umma (Nation) party", "DZA")),
])
def test_an_unknown_party_is_an_organisation_of_the_documents_state(lang, text, source):
    record = extract_text(text, lang=lang, published="2025-07-12")
    threat = next(e for e in record["events"] if e["type"] == "THREATEN")
    assert [(a["name"], a["country"]) for a in threat["source"]] == [source]


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Ribuan mahasiswa berunjuk rasa di Jakarta. Dewan Pers menyatakan mendukung tuntutan para demonstran.",
     ("SUPPORT", ["Dewan Pers"], ["Indonesian Protesters"])),
    ("en", "Thousands of students rallied in Jakarta. The Press Council said it supported the demands of the "
           "protesters.", ("SUPPORT", ["Press Council"], ["Indonesian Protesters"])),
])
def test_a_trigger_word_inside_a_group_phrase_is_the_group(lang, text, expected):
    assert expected in [e[:3] for e in events(text, lang)]


@pytest.mark.parametrize("lang, text", [
    ("id", "Warga Papua mengungsi. Pos TNI di Kampung Titigi diserang oleh sekitar 30 anggota kelompok bersenjata."),
    ("en", "Papuans fled. A TNI post in Titigi was attacked by about 30 members of an armed group."),
])
def test_an_agent_after_a_quantity_is_still_the_agent(lang, text):
    attack = next(e for e in events(text, lang) if e[0] == "ASSAULT")
    assert attack[1] and attack[2] == ["TNI"]


@pytest.mark.parametrize("lang, text, source, target", [
    ("id", "Azman menyampaikan dukungan Malaysia terhadap pencalonan Indonesia.", "Malaysia", ["Indonesia"]),
    ("en", "Azman conveyed Malaysia's support for Indonesia's candidacy.", "Malaysia", ["Indonesia"]),
])
def test_the_country_owning_a_nominal_event_is_its_source(lang, text, source, target):
    support = next(e for e in events(text, lang) if e[0] == "SUPPORT")
    assert source in support[1] and support[2] == target


@pytest.mark.parametrize("lang, text", [
    ("id", "Sedikitnya 12 orang tewas dalam kontak tembak antara prajurit TNI dan kelompok bersenjata Tentara "
           "Pembebasan Nasional Papua Barat (TPNPB) di Kabupaten Intan Jaya."),
    ("en", "At least 12 people were killed in a firefight between TNI soldiers and fighters of the West Papua "
           "National Liberation Army (TPNPB) in Intan Jaya."),
])
def test_both_sides_of_a_clash_even_with_long_names(lang, text):
    attack = next(e for e in events(text, lang) if e[0] == "ASSAULT")
    assert len(attack[1]) == 2 and sorted(attack[1]) == sorted(attack[2])


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "KPK telah menetapkan Rudi dan seorang kontraktor, Hendra Wijaya, sebagai tersangka.",
     ("ACCUSE", ["KPK"], ["Rudi", "Hendra Wijaya"])),  # both are named (the tree reads the coordination)
    ("en", "The KPK named Rudi Hartono and a contractor, Hendra Wijaya, as suspects.",
     ("ACCUSE", ["KPK"], ["Rudi Hartono"])),
])
def test_naming_someone_a_suspect_is_an_accusation_by_the_namer(lang, text, expected):
    assert expected in [e[:3] for e in events(text, lang)]
