package dev.runnel.padding;

/** 128 bytes between the producer fields and the consumer fields. Generated row by row: 16 rows of 8 bytes, 128 bytes in all. */
abstract class IndicesL1Pad extends IndicesProducerFields {
    byte p128, p129, p130, p131, p132, p133, p134, p135; //   8 bytes
    byte p136, p137, p138, p139, p140, p141, p142, p143; //  16 bytes
    byte p144, p145, p146, p147, p148, p149, p150, p151; //  24 bytes
    byte p152, p153, p154, p155, p156, p157, p158, p159; //  32 bytes
    byte p160, p161, p162, p163, p164, p165, p166, p167; //  40 bytes
    byte p168, p169, p170, p171, p172, p173, p174, p175; //  48 bytes
    byte p176, p177, p178, p179, p180, p181, p182, p183; //  56 bytes
    byte p184, p185, p186, p187, p188, p189, p190, p191; //  64 bytes
    byte p192, p193, p194, p195, p196, p197, p198, p199; //  72 bytes
    byte p200, p201, p202, p203, p204, p205, p206, p207; //  80 bytes
    byte p208, p209, p210, p211, p212, p213, p214, p215; //  88 bytes
    byte p216, p217, p218, p219, p220, p221, p222, p223; //  96 bytes
    byte p224, p225, p226, p227, p228, p229, p230, p231; // 104 bytes
    byte p232, p233, p234, p235, p236, p237, p238, p239; // 112 bytes
    byte p240, p241, p242, p243, p244, p245, p246, p247; // 120 bytes
    byte p248, p249, p250, p251, p252, p253, p254, p255; // 128 bytes
}
