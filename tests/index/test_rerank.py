"""A reading after the document it reads: the relation read from the corpus, and the order."""

from __future__ import annotations

from zhengce.index.hybrid import SearchIndex
from zhengce.index.rerank import answer_types_first, sources_first, states_answer
from zhengce.store.db import Store


def _id(store: Store, key: str) -> str:
    found = store.find_document_id(key)
    assert found, key
    return found


def test_readings_know_the_documents_they_read(search_index: SearchIndex, store: Store):
    sources = search_index.sources
    # by its opening paragraph: …印发《关于阶段性减免企业社会保险费的通知》（人社部发〔2020〕11号）
    press = _id(store, "人力资源社会保障部财政部税务总局有关司局负责人"
                       "就阶段性减免企业社会保险费具体贯彻实施工作答记者问")
    assert sources[press] == {_id(store, "人社部发〔2020〕11号")}
    # by its title: 就《关于阶段性减征职工基本医疗保险费的指导意见》答记者问
    medical = _id(store, "国家医疗保障局有关负责人就《关于阶段性减征职工基本医疗保险费的指导意见》答记者问")
    assert sources[medical] == {_id(store, "医保发〔2020〕6号")}
    # by its title: 关于…的通知的政策解读
    beijing = _id(store, "关于进一步做好疫情防控期间本市人力资源和社会保障相关工作的通知的政策解读")
    assert sources[beijing] == {_id(store, "关于进一步做好疫情防控期间本市人力资源和社会保障相关工作的通知")}
    assert _id(store, "人社部发〔2020〕11号") not in sources


def test_a_reading_follows_a_source_unit_that_answers_as_well():
    fused = {0: 0.20, 1: 0.18, 2: 0.19}
    words = {0: {"缓缴", "期限"}, 1: {"缓缴", "期限", "原则上"}, 2: {"缓缴"}}
    sources_first(fused, ["解读", "通知", "通知"], {"解读": {"通知"}}, words.__getitem__)
    assert sorted(fused, key=lambda i: -fused[i]) == [2, 1, 0]  # after unit 1, which holds its words


def test_a_reading_stays_first_when_it_alone_holds_a_word_asked():
    fused = {0: 0.20, 1: 0.18}
    sources_first(fused, ["解读", "通知"], {"解读": {"通知"}}, {0: {"事业单位", "缓缴"}, 1: {"缓缴"}}.__getitem__)
    assert fused == {0: 0.20, 1: 0.18}


def test_a_reading_stays_first_when_the_source_scores_far_below():
    fused = {0: 0.20, 1: 0.05}
    sources_first(fused, ["解读", "通知"], {"解读": {"通知"}}, {0: {"缓缴"}, 1: {"缓缴"}}.__getitem__)
    assert fused == {0: 0.20, 1: 0.05}


def test_search_cites_the_rule_before_the_press_answer_that_restates_it(search_index: SearchIndex):
    hits = search_index.search("“互联网+职业技能培训计划”的“511”目标任务是什么", k=5)
    numbers = [h.doc_number for h in hits]
    assert numbers[0] == "人社部发〔2020〕10号"
    assert "征集遴选50家以上" in hits[0].text


def test_a_press_question_finds_its_answer_not_its_question(search_index: SearchIndex):
    hits = search_index.search("阶段性减免企业社会保险费 参保单位是否可以申请缓缴？缓缴期限是如何规定的？", k=5)
    assert "缓缴期限原则上不超过6个月" in hits[0].text
    assert not any(h.text.startswith("问：") for h in hits)


def test_a_question_for_a_figure_finds_the_unit_that_states_it(search_index: SearchIndex):
    # 渝人社发〔2020〕10号 三、返还标准: the figure, below the 一、返还对象 that names the measure
    best = search_index.search("渝人社发〔2020〕10号规定的援企稳岗返还标准是什么？", k=1)[0]
    assert "返还标准按3个月的企业及其职工应缴纳社会保险费50%确定" in best.text


def test_a_question_for_a_date_finds_the_unit_that_states_it(search_index: SearchIndex):
    # 重庆市……疫情防控工作领导小组 一、: 复工、复产时间不得早于2020年2月9日24时
    hits = search_index.search("重庆疫情期间一般企业最早什么时候能复工？", k=5)
    assert any("复工、复产时间不得早于2020年2月9日24时" in hit.text for hit in hits)


def test_a_formal_question_for_a_subsidy_finds_its_figure(search_index: SearchIndex):
    # 湘政办发〔2020〕20号 附件 一、（二）: the subsidy is the last sentence of a paragraph on 返岗
    hits = search_index.search("湖南省对人力资源服务机构开展跨区域有组织劳务输出有何补助？", k=5)
    assert any("给予300元/人的就业创业服务补助" in hit.text for hit in hits)


def test_a_bare_heading_falls_below_the_items_under_it(search_index: SearchIndex):
    # 关于实施劳务派遣机构和人力资源服务机构……: 三、信息报送时间和方式 / 1.报送时间：每3天为一个周期……
    hits = search_index.search("北京劳务派遣机构输送劳动者的实名动态管理信息多久报一次？从哪天开始报？", k=5)
    assert "每3天为一个周期，报送一次信息，自3月2日（周一）起开始报送" in hits[0].text
    assert not any(hit.text.strip() == "三、信息报送时间和方式" for hit in hits)


def test_rows_of_one_table_do_not_crowd_out_the_article(search_index: SearchIndex):
    # 人社厅发〔2020〕9号 一、: the platforms 将在人社部官网……向社会公布; its attachment lists them by city
    hits = search_index.search("各直辖市、省会城市的失业保险金网上申领平台在哪里公布？", k=5)
    assert any("将在人社部官网、官方公众号、国家社会保险公共服务平台" in hit.text for hit in hits)


def test_a_year_alone_is_not_a_date():
    texts = ["视情调整2020年度事业单位和国有企业招聘笔试面试时间", "申报截止时间为2020年6月30日"]
    def states(index: int, kind: str) -> bool:
        return states_answer(texts[index], kind)

    fused = {0: 0.2, 1: 0.2}
    answer_types_first(fused, states, "笔试时间是什么时候？")
    assert fused[1] > fused[0] == 0.2
    fused = {0: 0.2, 1: 0.2}
    answer_types_first(fused, states, "笔试由哪个部门组织？")  # asks for neither
    assert fused == {0: 0.2, 1: 0.2}
