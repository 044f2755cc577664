"""build_gazetteer.py --self-test: small trees written from the strings below,
built with the real code, and what is refused and why.

Each case writes an iso-codes directory, tools/gazetteer/data/ and
examples/{schema.json,ingest/rules.json} into a temporary root and calls
build(); the last one runs the command line to check the exit status.
"""

import json
import os
import subprocess
import sys
import tempfile

from build_gazetteer import BuildError, Paths, build
from gazetteer_model import SCHEMA_FORMAT

SELF_TEST_ISO_1 = {"3166-1": [
    {"alpha_2": "CG", "alpha_3": "COG", "name": "Congo", "official_name": "Republic of the Congo"},
    {"alpha_2": "CD", "alpha_3": "COD", "name": "Congo, The Democratic Republic of the"},
    {"alpha_2": "GE", "alpha_3": "GEO", "name": "Georgia"},
    {"alpha_2": "KR", "alpha_3": "KOR", "common_name": "South Korea", "name": "Korea, Republic of"},
    {"alpha_2": "RU", "alpha_3": "RUS", "name": "Russian Federation"},
    {"alpha_2": "CI", "alpha_3": "CIV", "name": "Côte d'Ivoire"},
    {"alpha_2": "VG", "alpha_3": "VGB", "name": "Virgin Islands, British"},
    {"alpha_2": "GB", "alpha_3": "GBR", "name": "United Kingdom"},
]}
SELF_TEST_ISO_3 = {"3166-3": [
    {"alpha_4": "SUHH", "name": "USSR, Union of Soviet Socialist Republics", "withdrawal_date": "1992-08-30"},
    {"alpha_4": "CSHH", "name": "Czechoslovakia, Czechoslovak Socialist Republic", "withdrawal_date": "1993-06-15"},
]}
SELF_TEST_DATA = {
    "names.tsv": "code\tname\twhy\nRU\tRussia\tcommon name\nCG\tRepublic of the Congo\tCongo is shared\n"
                 "CD\tDemocratic Republic of the Congo\t\n",
    "territories.tsv": "code\tadministered_by\twhy\nVG\tUnited Kingdom\t\n",
    "former.tsv": "code\tdisposition\tname\taliases\tdemonyms\tsuccessors\twhy\n"
                  "SUHH\talias:Russia\tSoviet Union\tUSSR\tSoviet\t\tcontinuator\n"
                  "CSHH\tentity:former-country\tCzechoslovakia\t\tCzechoslovak\tRussia\tdissolved\n",
    "entities.tsv": "name\ttype\taliases\twhy\n",
    "aliases.tsv": "entity\taliases\twhy\nDemocratic Republic of the Congo\tCongo | DRC\t\n",
    "demonyms.tsv": "entity\tdemonyms\nRussia\tRussian\nGeorgia\tGeorgian\n",
    "metonyms.tsv": "entity\tmetonyms\twhy\nRussia\tMoscow | the Kremlin\t\n",
    "groups.tsv": "name\taliases\tmembers\tdissolved\twhy\nQuad\tthe Quad\tRussia\t\t\n",
    "agencies.tsv": "name\tstate\taliases\tmetonyms\twhy\nFederal Security Service\tRussia\tFSB\tLubyanka\t\n",
    "ambiguous.tsv": "alias\taction\tneeds\twhy\nCongo\tdrop\tshared\ttwo states\n"
                     "Georgia\tkeep\tperson: Georgia O'Keeffe\tUS state\n"
                     "Russian\tkeep\tword: a test\ta demonym\n"
                     "Russia\tkeep\tword: a test\ta name\n",
    "blockers.tsv": "blocker\twhy\nGeorgia Tech\tuniversity\n",
    "titles.tsv": "title\nMs.\n",
    "case.tsv": "entity\tname\tcase\twhy\nQuad\tthe Quad\tcapitalized\ta college quadrangle\n",
    "not_surnames.tsv": "word\twhy\nPresident\t\n",
}
SELF_TEST_SCHEMA = {"format": SCHEMA_FORMAT, "predicates": [{"name": "pact", "symmetric": True}],
                    "entities": [{"name": "Russia", "type": "country", "aliases": ["Russian Federation"],
                                  "demonyms": ["Russian"], "metonyms": ["Moscow"]}]}


def run(tool_path):
    failures = []

    def expect(name, ok, detail=""):
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
        if not ok:
            failures.append(name)
            if detail:
                print(detail)

    def run(data_changes=None, schema=None):
        with tempfile.TemporaryDirectory(prefix="build_gazetteer_") as root:
            iso = os.path.join(root, "iso")
            os.makedirs(iso)
            with open(os.path.join(iso, "iso_3166-1.json"), "w", encoding="utf-8") as f:
                json.dump(SELF_TEST_ISO_1, f, ensure_ascii=False)
            with open(os.path.join(iso, "iso_3166-3.json"), "w", encoding="utf-8") as f:
                json.dump(SELF_TEST_ISO_3, f, ensure_ascii=False)
            data = dict(SELF_TEST_DATA)
            data.update(data_changes or {})
            os.makedirs(os.path.join(root, "tools", "gazetteer", "data"))
            for name, text in data.items():
                with open(os.path.join(root, "tools", "gazetteer", "data", name), "w", encoding="utf-8") as f:
                    f.write(text)
            os.makedirs(os.path.join(root, "examples"))
            with open(os.path.join(root, "examples", "schema.json"), "w", encoding="utf-8") as f:
                json.dump(schema or SELF_TEST_SCHEMA, f)
            try:
                r = build(Paths.for_root(root, iso))
                return r, "", json.loads(r.schema_text)
            except BuildError as e:
                return None, str(e), None

    # 1. The small tree builds, and what it says.
    r, err, schema = run()
    expect("the self-test tree builds", r is not None, err)
    if r:
        ents = {e["name"]: e for e in schema["entities"]}
        expect("canonical names: names.tsv, else common_name", {"Russia", "South Korea"} <= set(ents), str(list(ents)))
        expect("an inverted ISO name is turned around",
               "Republic of Korea" in ents["South Korea"]["aliases"]
               and "British Virgin Islands" == ents.get("British Virgin Islands", {}).get("name"),
               json.dumps(ents.get("South Korea")))
        expect("a territory records who administers it",
               ents["British Virgin Islands"]["type"] == "territory"
               and ents["British Virgin Islands"]["administered_by"] == "United Kingdom")
        expect("ASCII spellings are added", "Cote d'Ivoire" in ents["Côte d'Ivoire"]["aliases"])
        ru = ents["Russia"]
        expect("a former state with a successor is an alias of it, recorded as a former name",
               "Soviet Union" in ru["aliases"] and "USSR" in ru["aliases"] and "Soviet" in ru["demonyms"]
               and ru["former_names"][0]["iso_3166"] == "SUHH" and ru["former_names"][0]["withdrawn"] == "1992-08-30",
               json.dumps(ru))
        cz = ents["Czechoslovakia"]
        expect("a former state without one is its own historical entity",
               cz["type"] == "former-country" and cz["historical"] is True and cz["successors"] == ["Russia"])
        expect("a dropped shared alias is held by nobody",
               "Congo" not in ents["Democratic Republic of the Congo"]["aliases"]
               and "Congo" not in ents["Republic of the Congo"]["aliases"])
        expect("an agency is its own entity and names its state",
               ents["Federal Security Service"]["type"] == "agency"
               and ents["Federal Security Service"]["state"] == "Russia")
        expect("blockers: listed ones and title x person-name ones are the schema's",
               schema["blockers"] == ["Georgia Tech", "Ms. Georgia"], json.dumps(schema["blockers"]))
        expect("given names: the kept one-word person names, with the not-surnames",
               schema["given_names"] == ["Georgia"] and schema["not_surnames"] == ["President"])
        expect("common words: the kept one-word word names, demonyms left out",
               schema["common_words"] == ["Russia"], json.dumps(schema["common_words"]))
        expect("a case rule is the entity's \"case\"", ents["Quad"]["case"] == {"the Quad": "capitalized"},
               json.dumps(ents["Quad"]))
        expect("the predicates are the base schema's", schema["predicates"] == SELF_TEST_SCHEMA["predicates"])
        again, _, _ = run()
        expect("the output is reproducible", again is not None and again.schema_text == r.schema_text)

    # 2. A duplicate alias across two entities is an error naming both.
    _, err, _ = run({"ambiguous.tsv": SELF_TEST_DATA["ambiguous.tsv"].replace("Congo\tdrop\tshared\ttwo states\n", "")})
    expect("a duplicate alias names the alias and both entities",
           "duplicate alias \"Congo\"" in err and "Democratic Republic of the Congo" in err
           and "Republic of the Congo" in err and "data/ambiguous.tsv" in err, err)
    _, err, _ = run({"demonyms.tsv": "entity\tdemonyms\nRussia\tRussian | Georgian.\nGeorgia\tGeorgian\n"})
    expect("so is one that differs only in case or punctuation (NormalizeAlias)",
           "duplicate alias" in err and "\"Russia\"" in err and "\"Georgia\"" in err, err)
    _, err, _ = run({"agencies.tsv": "name\tstate\taliases\tmetonyms\twhy\nFederal Security Service\tRussia\t"
                                        "F.S.B. | Moscow\t\t\n"})
    expect("a name clash between an agency and a state's metonym is one too",
           "duplicate alias \"Moscow\"" in err and "Federal Security Service" in err, err)

    # 3. The other refusals.
    _, err, _ = run({"former.tsv": "code\tdisposition\tname\taliases\tdemonyms\tsuccessors\twhy\n"
                                      "SUHH\talias:Russia\tSoviet Union\t\t\t\t\n"})
    expect("a withdrawn ISO code missing from former.tsv is refused", "iso_3166-3.json CSHH" in err, err)
    _, err, _ = run({"aliases.tsv": "entity\taliases\twhy\nRussai\tRossiya\t\n"})
    expect("an unknown entity is refused with a suggestion", "no entity \"Russai\"" in err and "Russia" in err, err)
    _, err, _ = run({"blockers.tsv": "blocker\twhy\nGeorgia Tech\t\nBoston College\t\n"})
    expect("a blocker that hides no name is refused", "\"Boston College\" contains no name" in err, err)
    _, err, _ = run({"ambiguous.tsv": SELF_TEST_DATA["ambiguous.tsv"] + "Narnia\tdrop\t\t\n"})
    expect("a stale ambiguity decision is refused", "\"Narnia\" names no entity" in err, err)
    _, err, _ = run(schema={**SELF_TEST_SCHEMA, "entities": SELF_TEST_SCHEMA["entities"] + [
        {"name": "Russia", "type": "country", "aliases": ["Rossiya"]}]})
    expect("the base schema's names must all be kept", "alias \"Rossiya\" is missing" in err, err)
    _, err, _ = run({"aliases.tsv": "entity\taliases\twhy\nGeorgia\tÅland\t\n"})
    expect("a one-word name that can never match is refused", "can never match" in err, err)
    _, err, _ = run({"case.tsv": "entity\tname\tcase\twhy\nQuad\tthe Qaud\tcapitalized\t\n"})
    expect("a case rule for a name the entity lacks is refused with a suggestion",
           "\"the Qaud\" is not a name of \"Quad\"" in err and "the Quad" in err, err)
    _, err, _ = run({"case.tsv": "entity\tname\tcase\twhy\nQuad\tthe Quad\tupper\t\n"})
    expect("an unknown case rule is refused", "case \"upper\" must be one of" in err, err)
    _, err, _ = run({"not_surnames.tsv": "word\twhy\nPrime Minister\t\n"})
    expect("a not-surname of two words is refused", "\"Prime Minister\" must be one capitalized word" in err, err)

    # 4. The command line: exit status 1 and the message on stderr.
    with tempfile.TemporaryDirectory(prefix="build_gazetteer_cli_") as root:
        iso = os.path.join(root, "iso")
        os.makedirs(iso)
        for name, obj in (("iso_3166-1.json", SELF_TEST_ISO_1), ("iso_3166-3.json", SELF_TEST_ISO_3)):
            with open(os.path.join(iso, name), "w", encoding="utf-8") as f:
                json.dump(obj, f, ensure_ascii=False)
        data = dict(SELF_TEST_DATA)
        data["ambiguous.tsv"] = data["ambiguous.tsv"].replace("Congo\tdrop\tshared\ttwo states\n", "")
        os.makedirs(os.path.join(root, "tools", "gazetteer", "data"))
        for name, text in data.items():
            with open(os.path.join(root, "tools", "gazetteer", "data", name), "w", encoding="utf-8") as f:
                f.write(text)
        os.makedirs(os.path.join(root, "examples"))
        with open(os.path.join(root, "examples", "schema.json"), "w", encoding="utf-8") as f:
            json.dump(SELF_TEST_SCHEMA, f)
        p = subprocess.run([sys.executable, tool_path, "--root", root, "--iso-dir", iso],
                           capture_output=True, text=True)
        expect("the tool exits 1 on a duplicate alias and writes nothing",
               p.returncode == 1 and "duplicate alias \"Congo\"" in p.stderr
               and not os.path.exists(os.path.join(root, "examples", "gazetteer.json")),
               f"  status {p.returncode}\n{p.stderr}")

    print(f"build_gazetteer self-test: {'FAILED: ' + ', '.join(failures) if failures else 'passed'}")
    return 1 if failures else 0


