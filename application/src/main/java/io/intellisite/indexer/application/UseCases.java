package io.intellisite.indexer.application;

import io.intellisite.indexer.application.port.in.alert.WatchAlertsUseCase;
import io.intellisite.indexer.application.port.in.detection.ExpireMinuteCountsUseCase;
import io.intellisite.indexer.application.port.in.detection.GetStatsUseCase;
import io.intellisite.indexer.application.port.in.detection.GetTimeSeriesUseCase;
import io.intellisite.indexer.application.port.in.detection.GetTopUseCase;
import io.intellisite.indexer.application.port.in.detection.WatchBucketsUseCase;
import io.intellisite.indexer.application.port.in.detection.IndexDetectionsUseCase;
import io.intellisite.indexer.application.port.in.detection.ListDetectionsUseCase;
import io.intellisite.indexer.application.port.in.rule.CountWindowedMatchesUseCase;
import io.intellisite.indexer.application.port.in.rule.CreateAlertRuleUseCase;
import io.intellisite.indexer.application.port.in.rule.DeleteAlertRuleUseCase;
import io.intellisite.indexer.application.port.in.rule.EvaluateAlertRulesUseCase;
import io.intellisite.indexer.application.port.in.rule.ListAlertRulesUseCase;
import io.intellisite.indexer.application.port.in.rule.SeedAlertRulesUseCase;
import io.intellisite.indexer.application.port.in.rule.UpdateAlertRuleUseCase;
import io.intellisite.indexer.application.port.in.user.AuthenticateUseCase;
import io.intellisite.indexer.application.port.in.user.ChangeOwnPasswordUseCase;
import io.intellisite.indexer.application.port.in.user.CreateFirstAdminUseCase;
import io.intellisite.indexer.application.port.in.user.DeleteUserUseCase;
import io.intellisite.indexer.application.port.in.user.ListUsersUseCase;
import io.intellisite.indexer.application.port.in.user.LogInUseCase;
import io.intellisite.indexer.application.port.in.user.RegisterUserUseCase;
import io.intellisite.indexer.application.port.in.user.RenewTokenUseCase;
import io.intellisite.indexer.application.port.in.user.ShowOwnAccountUseCase;
import io.intellisite.indexer.application.port.in.user.UpdateUserUseCase;
import io.intellisite.indexer.application.port.out.AlertFeed;
import io.intellisite.indexer.application.port.out.AlertRulePublisher;
import io.intellisite.indexer.application.port.out.AlertRuleRepository;
import io.intellisite.indexer.application.port.out.AlertRuleSource;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.port.out.PasswordHasher;
import io.intellisite.indexer.application.port.out.TokenIssuer;
import io.intellisite.indexer.application.port.out.TokenVerifier;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.application.service.alert.WatchAlertsService;
import io.intellisite.indexer.application.service.detection.ExpireMinuteCountsService;
import io.intellisite.indexer.application.service.detection.GetStatsService;
import io.intellisite.indexer.application.service.detection.GetTimeSeriesService;
import io.intellisite.indexer.application.service.Quota;
import io.intellisite.indexer.application.service.detection.GetTopService;
import io.intellisite.indexer.application.service.detection.WatchBucketsService;
import io.intellisite.indexer.application.service.detection.IndexDetectionsService;
import io.intellisite.indexer.application.service.detection.ListDetectionsService;
import io.intellisite.indexer.application.service.rule.CountWindowedMatchesService;
import io.intellisite.indexer.application.service.rule.CreateAlertRuleService;
import io.intellisite.indexer.application.service.rule.DeleteAlertRuleService;
import io.intellisite.indexer.application.service.rule.EvaluateAlertRulesService;
import io.intellisite.indexer.application.service.rule.ListAlertRulesService;
import io.intellisite.indexer.application.service.rule.SeedAlertRulesService;
import io.intellisite.indexer.application.service.rule.UpdateAlertRuleService;
import io.intellisite.indexer.application.service.user.AccountStatuses;
import io.intellisite.indexer.application.service.user.AuthenticateService;
import io.intellisite.indexer.application.service.user.ChangeOwnPasswordService;
import io.intellisite.indexer.application.service.user.CreateFirstAdminService;
import io.intellisite.indexer.application.service.user.DeleteUserService;
import io.intellisite.indexer.application.service.user.ListUsersService;
import io.intellisite.indexer.application.service.user.LogInService;
import io.intellisite.indexer.application.service.user.RenewTokenService;
import io.intellisite.indexer.application.service.user.LoginThrottle;
import io.intellisite.indexer.application.service.user.PasswordCheckGate;
import io.intellisite.indexer.application.service.user.RegisterUserService;
import io.intellisite.indexer.application.service.user.ShowOwnAccountService;
import io.intellisite.indexer.application.service.user.UpdateUserService;
import io.intellisite.indexer.domain.token.TokenPolicy;
import java.time.Clock;
import java.time.Duration;

/**
 * Every use case, built once over the outgoing ports: the composition root and the HTTP tests both take them from
 * {@link #wire}, so a new use case or a changed constructor is wired in one place.
 */
public record UseCases(CreateFirstAdminUseCase createFirstAdmin, LogInUseCase logIn, AuthenticateUseCase authenticate,
                       RegisterUserUseCase register, ListUsersUseCase listUsers, ShowOwnAccountUseCase showOwnAccount,
                       ChangeOwnPasswordUseCase changeOwnPassword, UpdateUserUseCase updateUser, DeleteUserUseCase deleteUser,
                       IndexDetectionsUseCase indexDetections, ListDetectionsUseCase listDetections, GetStatsUseCase stats,
                       GetTimeSeriesUseCase timeSeries, GetTopUseCase top, WatchBucketsUseCase watchBuckets,
                       ExpireMinuteCountsUseCase expireMinuteCounts,
                       SeedAlertRulesUseCase seedRules, EvaluateAlertRulesUseCase evaluateRules,
                       CountWindowedMatchesUseCase countWindows,
                       ListAlertRulesUseCase listRules, CreateAlertRuleUseCase createRule,
                       UpdateAlertRuleUseCase updateRule, DeleteAlertRuleUseCase deleteRule,
                       WatchAlertsUseCase watchAlerts, RenewTokenUseCase renewToken) {

    /** What the use cases need from the outside world. */
    public record Ports(UserRepository users, PasswordHasher hasher, TokenIssuer tokenIssuer, TokenVerifier tokenVerifier,
                        DetectionRepository detections, AlertRuleRepository rules, AlertRulePublisher rulePublisher,
                        AlertRuleSource rulesInForce, AlertFeed alertFeed) {
    }

    /**
     * The limits the use cases enforce: the tokens' issuer, audience, lifetime and session, how many password checks run at
     * once (0: half the cores), how many alert streams an instance and one caller may hold, and how long per-minute
     * counts are kept.
     */
    public record Limits(TokenPolicy tokenPolicy, int loginConcurrency, WatchAlertsService.Limits alertStreams,
                         Duration minuteCountsKept) {
    }

    public static UseCases wire(Ports ports, Limits limits, Clock clock) {
        AccountStatuses statuses = new AccountStatuses(ports.users(), clock);
        return new UseCases(
                new CreateFirstAdminService(ports.users(), ports.hasher()),
                new LogInService(ports.users(), ports.hasher(), ports.tokenIssuer(), limits.tokenPolicy(), clock,
                        LoginThrottle.standard(clock), PasswordCheckGate.allowing(limits.loginConcurrency())),
                new AuthenticateService(ports.tokenVerifier(), statuses, clock),
                new RegisterUserService(ports.users(), ports.hasher()),
                new ListUsersService(ports.users()),
                new ShowOwnAccountService(ports.users()),
                new ChangeOwnPasswordService(ports.users(), ports.hasher(), statuses),
                new UpdateUserService(ports.users(), statuses),
                new DeleteUserService(ports.users(), statuses),
                new IndexDetectionsService(ports.detections()),
                new ListDetectionsService(ports.detections()),
                new GetStatsService(ports.detections()),
                new GetTimeSeriesService(ports.detections(), clock),
                new GetTopService(ports.detections(), clock),
                // Live statistics streams cost what alert streams do (a connection, a thread): the same limits, counted apart.
                new WatchBucketsService(ports.detections(), clock, new Quota("live statistics streams",
                        limits.alertStreams().perInstance(), limits.alertStreams().perCaller())),
                new ExpireMinuteCountsService(ports.detections(), clock, limits.minuteCountsKept()),
                new SeedAlertRulesService(ports.rules(), ports.rulePublisher()),
                new EvaluateAlertRulesService(ports.rulesInForce()),
                new CountWindowedMatchesService(ports.rulesInForce()),
                new ListAlertRulesService(ports.rules()),
                new CreateAlertRuleService(ports.rules(), ports.rulePublisher()),
                new UpdateAlertRuleService(ports.rules(), ports.rulePublisher()),
                new DeleteAlertRuleService(ports.rules(), ports.rulePublisher()),
                new WatchAlertsService(ports.alertFeed(), limits.alertStreams()),
                RenewTokenService.over(ports.users(), ports.tokenIssuer(), limits.tokenPolicy(), clock));
    }
}
