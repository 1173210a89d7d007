package dev.runnel.padding;

/** 128 bytes between the consumer fields and the subclass's own (cold) fields. Generated row by row: 16 rows of 8 bytes, 128 bytes in all. */
abstract class IndicesL2Pad extends IndicesConsumerFields {
    byte p256, p257, p258, p259, p260, p261, p262, p263; //   8 bytes
    byte p264, p265, p266, p267, p268, p269, p270, p271; //  16 bytes
    byte p272, p273, p274, p275, p276, p277, p278, p279; //  24 bytes
    byte p280, p281, p282, p283, p284, p285, p286, p287; //  32 bytes
    byte p288, p289, p290, p291, p292, p293, p294, p295; //  40 bytes
    byte p296, p297, p298, p299, p300, p301, p302, p303; //  48 bytes
    byte p304, p305, p306, p307, p308, p309, p310, p311; //  56 bytes
    byte p312, p313, p314, p315, p316, p317, p318, p319; //  64 bytes
    byte p320, p321, p322, p323, p324, p325, p326, p327; //  72 bytes
    byte p328, p329, p330, p331, p332, p333, p334, p335; //  80 bytes
    byte p336, p337, p338, p339, p340, p341, p342, p343; //  88 bytes
    byte p344, p345, p346, p347, p348, p349, p350, p351; //  96 bytes
    byte p352, p353, p354, p355, p356, p357, p358, p359; // 104 bytes
    byte p360, p361, p362, p363, p364, p365, p366, p367; // 112 bytes
    byte p368, p369, p370, p371, p372, p373, p374, p375; // 120 bytes
    byte p376, p377, p378, p379, p380, p381, p382, p383; // 128 bytes
}
